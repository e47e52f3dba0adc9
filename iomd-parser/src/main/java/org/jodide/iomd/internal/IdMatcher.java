package org.jodide.iomd.internal;

import java.util.List;

/**
 * Gives the chunks of a re-parsed region the ids of the chunks they replace, so outputs stay
 * attached. Offsets are relative to the region start, in UTF-16 code units.
 * <ul>
 * <li>A new chunk that starts where an old one started, before the edit, is that chunk (an edit
 *     inside a chunk keeps its id).</li>
 * <li>A new chunk that starts where an old one started after the edit, shifted by the edit's
 *     length change, is that chunk.</li>
 * <li>If as many chunks are left on both sides, they are paired in order (an edit of a delimiter
 *     line keeps the id); otherwise the chunks left get fresh ids.</li>
 * </ul>
 */
final class IdMatcher {
    private IdMatcher() {
    }

    /**
     * @param oldNodes  the replaced chunks
     * @param oldStarts their starts
     * @param newNodes  the chunks parsed from the edited region, with fresh ids
     * @param newStarts their starts
     * @param editStart where the edit starts
     * @param editEnd   where the removed range ended, in old offsets
     * @param delta     how much longer the region got
     * @return {@code newNodes} with ids reused where they match; fresh ids are kept otherwise
     */
    static ChunkNode[] match(List<ChunkNode> oldNodes, int[] oldStarts, List<ChunkNode> newNodes, int[] newStarts,
                             int editStart, int editEnd, int delta) {
        int m = oldNodes.size();
        int k = newNodes.size();
        ChunkNode[] out = newNodes.toArray(new ChunkNode[0]);
        int front = 0;
        while (front < m && front < k && oldStarts[front] == newStarts[front] && oldStarts[front] < editStart) {
            out[front] = out[front].withId(oldNodes.get(front).id());
            front++;
        }
        int back = 0;
        while (back < m - front && back < k - front) {
            int o = m - 1 - back;
            int n = k - 1 - back;
            if (oldStarts[o] < editEnd || oldStarts[o] + delta != newStarts[n]) {
                break;
            }
            out[n] = out[n].withId(oldNodes.get(o).id());
            back++;
        }
        int leftOld = m - front - back;
        int leftNew = k - front - back;
        if (leftOld == leftNew) {
            for (int i = 0; i < leftNew; i++) {
                out[front + i] = out[front + i].withId(oldNodes.get(front + i).id());
            }
        }
        return out;
    }
}
