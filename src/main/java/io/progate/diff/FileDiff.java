package io.progate.diff;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;

/**
 * One file that differs: {@code change} ADDED, REMOVED or CHANGED; sizes in the earlier and the new package
 * (null where absent); for a text file its line counts and hunks, unless {@code note} says why they are
 * missing (binary, too large, a limit reached, content not available).
 */
@TemplateData
public record FileDiff(String path, Change change, boolean text, Long oldSize, Long newSize, int linesAdded,
        int linesRemoved, String note, List<Hunk> hunks) {

    public enum Change {
        ADDED, REMOVED, CHANGED
    }

    /**
     * The hunks as a unified diff ({@code @@ -a,b +c,d @@} headers, lines prefixed with ' ', '-', '+'), in the
     * API's answer (not stored: {@link RequestDiff} leaves it out).
     */
    @JsonProperty("unified")
    public String unified() {
        StringBuilder out = new StringBuilder();
        for (Hunk h : hunks) {
            out.append(h.header()).append('\n');
            for (Line l : h.lines()) {
                out.append(l.op()).append(l.text()).append('\n');
            }
        }
        return out.toString();
    }

    @JsonIgnore
    public String changeLabel() {
        return change.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A run of lines around changes, numbered from 1 in each package. */
    @TemplateData
    public record Hunk(int oldStart, int oldCount, int newStart, int newCount, List<Line> lines) {

        public String header() {
            return "@@ -" + oldStart + "," + oldCount + " +" + newStart + "," + newCount + " @@";
        }

        /** The lines side by side: removed lines next to the added lines that replace them. */
        @JsonIgnore
        public List<Row> rows() {
            List<Row> rows = new ArrayList<>();
            List<Line> removed = new ArrayList<>();
            List<Line> added = new ArrayList<>();
            for (Line l : lines) {
                if (l.op().equals("-")) {
                    if (!added.isEmpty()) {
                        pair(rows, removed, added);
                    }
                    removed.add(l);
                } else if (l.op().equals("+")) {
                    added.add(l);
                } else {
                    pair(rows, removed, added);
                    rows.add(new Row("same", l.oldNo(), l.text(), l.newNo(), l.text()));
                }
            }
            pair(rows, removed, added);
            return rows;
        }

        private static void pair(List<Row> rows, List<Line> removed, List<Line> added) {
            for (int i = 0; i < Math.max(removed.size(), added.size()); i++) {
                Line old = i < removed.size() ? removed.get(i) : null;
                Line now = i < added.size() ? added.get(i) : null;
                String kind = old != null && now != null ? "changed" : old != null ? "removed" : "added";
                rows.add(new Row(kind, old == null ? null : old.oldNo(), old == null ? null : old.text(),
                        now == null ? null : now.newNo(), now == null ? null : now.text()));
            }
            removed.clear();
            added.clear();
        }
    }

    /** One line of a hunk: {@code op} is " " (unchanged), "-" (only in the earlier package) or "+" (only in the new). */
    @TemplateData
    public record Line(String op, Integer oldNo, Integer newNo, String text) {
    }

    /** One row of the side-by-side view; {@code kind} is same, changed, removed or added. */
    @TemplateData
    public record Row(String kind, Integer oldNo, String oldText, Integer newNo, String newText) {
    }
}
