package io.progate.dashboard;

import io.progate.request.ReleaseRequest;
import io.progate.request.RequestStatus;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A team's requests per week by outcome, as the bars of a small stacked chart drawn server-side in SVG
 * (no script, no library): one column per week, one coloured block per outcome.
 */
public record WeeklyChart(long teamId, int width, int height, List<Bar> bars, List<Label> labels, long total) {

    public static final int WEEKS = 8;
    static final int COLUMN = 36;
    static final int GAP = 12;
    static final int PLOT = 90;
    static final int AXIS = 18;

    /** The outcome groups, in stacking order, with their colours. */
    public enum Outcome {
        SUCCEEDED("succeeded", "#067647"), FAILED("failed", "#b42318"), REJECTED("rejected", "#b54708"),
        WITHDRAWN("cancelled or expired", "#98a2b3"), OPEN("open", "#1f6feb");

        public final String label;
        public final String colour;

        Outcome(String label, String colour) {
            this.label = label;
            this.colour = colour;
        }

        static Outcome of(RequestStatus status) {
            switch (status) {
                case SUCCEEDED:
                    return SUCCEEDED;
                case FAILED:
                case CLOSED:
                    return FAILED;
                case REJECTED:
                    return REJECTED;
                case CANCELLED:
                case EXPIRED:
                    return WITHDRAWN;
                default:
                    return OPEN;
            }
        }
    }

    /** One block: where it is drawn, its colour and its tooltip. */
    public record Bar(int x, int y, int width, int height, String colour, String title) {
    }

    /** A week's label under its column. */
    public record Label(int x, int y, String text) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM");

    /** The first day (Monday, UTC) of the oldest week shown when today is {@code today}. */
    public static LocalDate firstWeek(LocalDate today) {
        return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1);
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The chart of one team from the grouped counts of all teams. */
    public static WeeklyChart of(long teamId, List<ReleaseRequest.WeekCount> counts, LocalDate first) {
        Map<LocalDate, Map<Outcome, Long>> weeks = new LinkedHashMap<>();
        for (int i = 0; i < WEEKS; i++) {
            weeks.put(first.plusWeeks(i), new EnumMap<>(Outcome.class));
        }
        long total = 0;
        for (ReleaseRequest.WeekCount c : counts) {
            Map<Outcome, Long> week = weeks.get(c.week());
            if (c.teamId() == teamId && week != null) {
                week.merge(Outcome.of(c.status()), c.count(), Long::sum);
                total += c.count();
            }
        }
        long max = Math.max(1, weeks.values().stream().mapToLong(w -> w.values().stream().mapToLong(Long::longValue).sum())
                .max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        int x = GAP;
        for (Map.Entry<LocalDate, Map<Outcome, Long>> week : weeks.entrySet()) {
            int y = PLOT;
            for (Outcome outcome : Outcome.values()) {
                long n = week.getValue().getOrDefault(outcome, 0L);
                if (n > 0) {
                    int h = (int) Math.max(2, Math.round((double) n * PLOT / max));
                    y -= h;
                    bars.add(new Bar(x, y, COLUMN, h, outcome.colour, "week of " + DAY.format(week.getKey()) + ": "
                            + n + " " + outcome.label));
                }
            }
            labels.add(new Label(x + COLUMN / 2, PLOT + AXIS - 4, DAY.format(week.getKey())));
            x += COLUMN + GAP;
        }
        return new WeeklyChart(teamId, x, PLOT + AXIS, bars, labels, total);
    }

    public List<Outcome> outcomes() {
        return List.of(Outcome.values());
    }
}
