package io.progate.team;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One change window of a team's policy: weekdays and a time of day in a time zone, such as
 * {@code Mon-Thu 09:00-16:00 Europe/Amsterdam}. The start is inside the window, the end is not; a
 * window does not cross midnight (two windows do that). Days are listed ({@code Mon,Wed}) or ranged
 * ({@code Mon-Fri}, {@code Fri-Mon} wraps over the weekend).
 */
public record ChangeWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {

    public ChangeWindow {
        days = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
    }

    /** The window a line describes, or empty when the line is not one. */
    public static Optional<ChangeWindow> parse(String line) {
        String[] parts = line == null ? new String[0] : line.trim().split("\\s+");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Set<DayOfWeek> days = days(parts[0]);
            String[] times = parts[1].split("-");
            if (days.isEmpty() || times.length != 2) {
                return Optional.empty();
            }
            LocalTime start = LocalTime.parse(times[0]);
            LocalTime end = times[1].equals("24:00") ? LocalTime.MAX : LocalTime.parse(times[1]);
            if (!start.isBefore(end)) {
                return Optional.empty();
            }
            return Optional.of(new ChangeWindow(days, start, end, ZoneId.of(parts[2])));
        } catch (DateTimeException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Set<DayOfWeek> days(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : text.split(",")) {
            String[] range = item.split("-");
            if (range.length == 1) {
                days.add(day(range[0]));
            } else if (range.length == 2) {
                DayOfWeek from = day(range[0]);
                DayOfWeek to = day(range[1]);
                for (DayOfWeek d = from; ; d = d.plus(1)) {
                    days.add(d);
                    if (d == to) {
                        break;
                    }
                }
            } else {
                throw new IllegalArgumentException(item);
            }
        }
        return days;
    }

    private static DayOfWeek day(String text) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (text.length() >= 3 && d.name().startsWith(text.toUpperCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException(text);
    }

    /** Whether the window is open at {@code t}. */
    public boolean contains(Instant t) {
        ZonedDateTime local = t.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
    }

    /** The first opening of the window at or after {@code t} (within the next eight days). */
    public Instant nextOpening(Instant t) {
        LocalDate date = t.atZone(zone).toLocalDate();
        for (int i = 0; i <= 8; i++) {
            LocalDate d = date.plusDays(i);
            Instant opening = ZonedDateTime.of(d, start, zone).toInstant();
            if (days.contains(d.getDayOfWeek()) && !opening.isBefore(t)) {
                return opening;
            }
        }
        throw new IllegalStateException("a window with days opens within a week");
    }

    /** Whether every moment of this window is inside {@code other} (same zone, days and hours within). */
    public boolean within(ChangeWindow other) {
        return zone.equals(other.zone) && other.days.containsAll(days) && !start.isBefore(other.start)
                && !end.isAfter(other.end);
    }

    /** The window as a policy line, such as {@code Mon-Thu 09:00-16:00 Europe/Amsterdam}. */
    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        DayOfWeek[] all = DayOfWeek.values();
        for (int i = 0; i < all.length; i++) {
            if (!days.contains(all[i])) {
                continue;
            }
            int j = i;
            while (j + 1 < all.length && days.contains(all[j + 1])) {
                j++;
            }
            String first = all[i].getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            names.add(j - i >= 2 ? first + "-" + all[j].getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                    : j == i ? first : first + "," + all[j].getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            i = j;
        }
        String until = end.equals(LocalTime.MAX) ? "24:00" : end.toString();
        return String.join(",", names) + " " + start + "-" + until + " " + zone.getId();
    }
}
