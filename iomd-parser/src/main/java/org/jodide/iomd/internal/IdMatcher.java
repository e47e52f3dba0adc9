package org.jodide.iomd.internal;

import java.util.ArrayDeque;
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
     * @return for each new chunk, the id it takes, or null for a fresh one
     */
    static String[] matchRegion(List<ChunkNode> oldNodes, int[] oldStarts, List<ChunkNode> newNodes, int[] newStarts,
                                int editStart, int editEnd, int delta) {
        int m = oldNodes.size();
        int k = newNodes.size();
        String[] ids = new String[k];
        int front = 0;
        while (front < m && front < k && oldStarts[front] == newStarts[front] && oldStarts[front] < editStart) {
            ids[front] = oldNodes.get(front).id();
            front++;
        }
        int back = 0;
        while (back < m - front && back < k - front) {
            int o = m - 1 - back;
            int n = k - 1 - back;
            if (oldStarts[o] < editEnd || oldStarts[o] + delta != newStarts[n]) {
                break;
            }
            ids[n] = oldNodes.get(o).id();
            back++;
        }
        pairInOrder(oldNodes, front, m - back, ids, front, k - back);
        return ids;
    }

    /**
     * Ids for the chunks of a whole new text, matched to the old chunks by their source: the
     * common run of equal chunks at the start and at the end keep their ids; in between, a chunk
     * takes the id of an unused old chunk with the same source; if as many chunks are left on both
     * sides, they are paired in order.
     *
     * @return for each new chunk, the id it takes, or null for a fresh one
     */
    static String[] matchBySource(List<ChunkNode> oldNodes, List<ChunkNode> newNodes) {
        int m = oldNodes.size();
        int k = newNodes.size();
        String[] ids = new String[k];
        int front = 0;
        while (front < m && front < k && oldNodes.get(front).sameSource(newNodes.get(front))) {
            ids[front] = oldNodes.get(front).id();
            front++;
        }
        int back = 0;
        while (back < m - front && back < k - front && oldNodes.get(m - 1 - back).sameSource(newNodes.get(k - 1 - back))) {
            ids[k - 1 - back] = oldNodes.get(m - 1 - back).id();
            back++;
        }
        Map<String, ArrayDeque<Integer>> bySource = new HashMap<>();
        for (int o = front; o < m - back; o++) {
            bySource.computeIfAbsent(oldNodes.get(o).source(), s -> new ArrayDeque<>()).add(o);
        }
        boolean[] used = new boolean[m];
        int leftNew = 0;
        for (int n = front; n < k - back; n++) {
            ArrayDeque<Integer> same = bySource.get(newNodes.get(n).source());
            if (same != null && !same.isEmpty()) {
                int o = same.poll();
                used[o] = true;
                ids[n] = oldNodes.get(o).id();
            } else {
                leftNew++;
            }
        }
        int leftOld = 0;
        for (int o = front; o < m - back; o++) {
            if (!used[o]) {
                leftOld++;
            }
        }
        if (leftOld == leftNew) {
            int o = front;
            for (int n = front; n < k - back; n++) {
                if (ids[n] == null) {
                    while (used[o]) {
                        o++;
                    }
                    ids[n] = oldNodes.get(o++).id();
                }
            }
        }
        return ids;
    }

    private static void pairInOrder(List<ChunkNode> oldNodes, int oldFrom, int oldTo, String[] ids, int newFrom, int newTo) {
        if (oldTo - oldFrom == newTo - newFrom) {
            for (int i = 0; i < newTo - newFrom; i++) {
                ids[newFrom + i] = oldNodes.get(oldFrom + i).id();
            }
        }
    }
}
