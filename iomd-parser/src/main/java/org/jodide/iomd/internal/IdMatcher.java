package org.jodide.iomd.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives re-parsed chunks the ids of the chunks they replace, so outputs stay attached. The rules
 * are those of docs/iomd.md, section 13. A chunk left without an id gets a fresh one later.
 */
final class IdMatcher {
    private IdMatcher() {
    }

    /**
     * Ids for the chunks of a re-parsed region (offsets relative to the region start, UTF-16 units).
     * <ul>
     * <li>A new chunk that starts where an old one started, before the edit, is that chunk (an
     *     edit inside a chunk keeps its id).</li>
     * <li>A new chunk that starts where an old one started after the edit, shifted by the edit's
     *     length change, is that chunk.</li>
     * <li>If as many chunks are left on both sides, they are paired in order (an edit of a
     *     delimiter line keeps the id).</li>
     * </ul>
     *
     * @param editStart where the edit starts
     * @param editEnd   where the removed range ended, in old offsets
     * @param delta     how much longer the region got
     * @return for each new chunk, the id number it takes, or -1 for a fresh one
     */
    static int[] matchRegion(List<ChunkNode> oldNodes, int[] oldStarts, List<ChunkNode> newNodes, int[] newStarts,
                                int editStart, int editEnd, int delta) {
        int m = oldNodes.size();
        int k = newNodes.size();
        int[] ids = new int[k];
        Arrays.fill(ids, -1);
        int front = 0;
        while (front < m && front < k && oldStarts[front] == newStarts[front] && oldStarts[front] < editStart) {
            ids[front] = oldNodes.get(front).idNumber();
            front++;
        }
        int back = 0;
        while (back < m - front && back < k - front) {
            int o = m - 1 - back;
            int n = k - 1 - back;
            if (oldStarts[o] < editEnd || oldStarts[o] + delta != newStarts[n]) {
                break;
            }
            ids[n] = oldNodes.get(o).idNumber();
            back++;
        }
        pairInOrder(oldNodes, front, m - back, ids, front, k - back);
        return ids;
    }

    /**
     * Ids for the chunks of a whole new text, matched to the old chunks by their source: the
     * common run of equal chunks at the start and at the end keep their ids; in between, a chunk
     * takes the id of an unused old chunk with the same source. Chunks still without an id that lie
     * between two matched chunks (or the ends) take, in order, the ids of the unused old chunks
     * between the same two chunks, when there are as many of them.
     *
     * @return for each new chunk, the id number it takes, or -1 for a fresh one
     */
    static int[] matchBySource(List<ChunkNode> oldNodes, List<ChunkNode> newNodes) {
        int m = oldNodes.size();
        int k = newNodes.size();
        int[] ids = new int[k];
        int[] oldIndex = new int[k];
        Arrays.fill(oldIndex, -1);
        boolean[] used = new boolean[m];
        int front = 0;
        while (front < m && front < k && oldNodes.get(front).sameSource(newNodes.get(front))) {
            oldIndex[front] = front;
            used[front] = true;
            front++;
        }
        int back = 0;
        while (back < m - front && back < k - front && oldNodes.get(m - 1 - back).sameSource(newNodes.get(k - 1 - back))) {
            oldIndex[k - 1 - back] = m - 1 - back;
            used[m - 1 - back] = true;
            back++;
        }
        Map<String, ArrayDeque<Integer>> bySource = new HashMap<>();
        for (int o = front; o < m - back; o++) {
            bySource.computeIfAbsent(oldNodes.get(o).source(), s -> new ArrayDeque<>()).add(o);
        }
        for (int n = front; n < k - back; n++) {
            ArrayDeque<Integer> same = bySource.get(newNodes.get(n).source());
            if (same != null && !same.isEmpty()) {
                int o = same.poll();
                used[o] = true;
                oldIndex[n] = o;
            }
        }
        // Runs of unmatched chunks between two anchors pair with the unused old chunks between
        // them. FreeSlots finds unused old chunks in near-constant time, so this stays linear.
        FreeSlots free = new FreeSlots(used);
        int n = 0;
        while (n < k) {
            if (oldIndex[n] >= 0) {
                n++;
                continue;
            }
            int runEnd = n;
            while (runEnd < k && oldIndex[runEnd] < 0) {
                runEnd++;
            }
            int prevOld = n > 0 ? oldIndex[n - 1] : -1;
            int nextOld = runEnd < k ? oldIndex[runEnd] : m;
            int runLength = runEnd - n;
            if (nextOld > prevOld) {
                int[] slots = new int[runLength];
                int found = 0;
                int o = free.first(prevOld + 1);
                while (o < nextOld && found <= runLength) {
                    if (found < runLength) {
                        slots[found] = o;
                    }
                    found++;
                    o = free.first(o + 1);
                }
                if (found == runLength) {
                    for (int j = 0; j < runLength; j++) {
                        oldIndex[n + j] = slots[j];
                        free.take(slots[j]);
                    }
                }
            }
            n = runEnd;
        }
        for (int j = 0; j < k; j++) {
            ids[j] = oldIndex[j] < 0 ? -1 : oldNodes.get(oldIndex[j]).idNumber();
        }
        return ids;
    }

    private static void pairInOrder(List<ChunkNode> oldNodes, int oldFrom, int oldTo, int[] ids, int newFrom, int newTo) {
        if (oldTo - oldFrom == newTo - newFrom) {
            for (int i = 0; i < newTo - newFrom; i++) {
                ids[newFrom + i] = oldNodes.get(oldFrom + i).idNumber();
            }
        }
    }

    /** Unused old chunks: {@link #first} finds the first one at or after an index, with path halving. */
    private static final class FreeSlots {
        private final int[] next;

        FreeSlots(boolean[] used) {
            next = new int[used.length + 1];
            for (int i = 0; i < used.length; i++) {
                next[i] = used[i] ? i + 1 : i;
            }
            next[used.length] = used.length;
        }

        /** The first unused index at or after {@code i}, or the number of old chunks if none. */
        int first(int i) {
            while (next[i] != i) {
                next[i] = next[next[i]];
                i = next[i];
            }
            return i;
        }

        void take(int i) {
            next[i] = i + 1;
        }
    }
}
