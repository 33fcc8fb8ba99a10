package io.progate.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Change windows read from policy lines: open or not at a time, the next opening, and which change weakens. */
class ChangeWindowsTest {

    private static Instant at(String t) {
        return Instant.parse(t);
    }

    @Test
    void aWindowIsOpenOnItsDaysFromItsStartUntilJustBeforeItsEndInItsZone() {
        ChangeWindows w = ChangeWindows.parse("Mon-Thu 09:00-16:00 Europe/Amsterdam");
        assertTrue(w.openAt(at("2031-01-06T08:00:00Z")), "Monday 09:00 in Amsterdam (UTC+1)");
        assertFalse(w.openAt(at("2031-01-06T07:59:59Z")));
        assertFalse(w.openAt(at("2031-01-06T15:00:00Z")), "16:00 is the end, outside");
        assertTrue(w.openAt(at("2031-01-09T14:59:00Z")), "Thursday");
        assertFalse(w.openAt(at("2031-01-10T10:00:00Z")), "Friday");
        assertTrue(w.openAt(at("2031-07-07T07:00:00Z")), "Monday 09:00 in summer time (UTC+2)");
    }

    @Test
    void theNextOpeningIsTheEarliestOfAllWindows() {
        ChangeWindows w = ChangeWindows.parse("Mon-Thu 09:00-16:00 Europe/Amsterdam\nSat 20:00-22:00 UTC");
        assertEquals(Optional.of(at("2031-01-04T20:00:00Z")), w.nextOpening(at("2031-01-04T12:00:00Z")));
        assertEquals(Optional.of(at("2031-01-06T08:00:00Z")), w.nextOpening(at("2031-01-04T22:00:00Z")));
        assertEquals(Optional.of(at("2031-01-07T08:00:00Z")), w.nextOpening(at("2031-01-06T16:30:00Z")));
        assertEquals(Optional.empty(), w.nextOpening(at("2031-01-06T09:00:00Z")), "open now");
        assertEquals(Optional.empty(), ChangeWindows.parse("").nextOpening(at("2031-01-04T12:00:00Z")), "any time");
    }

    @Test
    void daysWrapAndAreWrittenBackShort() {
        ChangeWindow w = ChangeWindow.parse("Fri-Mon 10:00-12:00 UTC").orElseThrow();
        assertTrue(w.contains(at("2031-01-05T11:00:00Z")), "Sunday");
        assertFalse(w.contains(at("2031-01-07T11:00:00Z")), "Tuesday");
        assertEquals("Mon,Fri-Sun 10:00-12:00 UTC", w.toString());
        assertEquals("Mon,Wed 08:00-24:00 UTC", ChangeWindow.parse("mon,wed 08:00-24:00 UTC").orElseThrow().toString());
    }

    @Test
    void linesThatAreNotWindowsAreNamed() {
        assertEquals(List.of("Mon-Thu 16:00-09:00 UTC", "Someday 09:00-10:00 UTC", "Mon 09:00-10:00 Mars/Olympus",
                "Mon 09:00-10:00"), ChangeWindows.invalidLines("Mon-Thu 16:00-09:00 UTC\nSomeday 09:00-10:00 UTC\n"
                        + "Mon 09:00-10:00 Mars/Olympus\n\nMon 09:00-10:00\nTue 09:00-10:00 UTC"));
    }

    @Test
    void windowsInsideTheOldOnesStrengthenAndEverythingElseWeakens() {
        ChangeWindows old = ChangeWindows.parse("Mon-Fri 08:00-18:00 Europe/Amsterdam");
        assertTrue(ChangeWindows.parse("Mon-Thu 09:00-16:00 Europe/Amsterdam").within(old));
        assertTrue(old.within(ChangeWindows.ANY_TIME), "any window narrows 'any time'");
        assertFalse(ChangeWindows.ANY_TIME.within(old), "dropping all windows allows any time");
        assertFalse(ChangeWindows.parse("Mon-Sat 09:00-16:00 Europe/Amsterdam").within(old));
        assertFalse(ChangeWindows.parse("Mon 07:00-09:00 Europe/Amsterdam").within(old));
        assertFalse(ChangeWindows.parse("Mon 09:00-10:00 UTC").within(old), "another zone counts as wider");
    }

    @Test
    void policyTermsCountWiderWindowsAndAllowedBreakGlassAsWeakening() {
        PolicyTerms base = new PolicyTerms(1, 1, 24, true, 1, List.of(), "Mon-Fri 08:00-18:00 UTC", false);
        assertFalse(base.with(new PolicyInput(null, null, null, null, null, null, List.of("Mon 09:00-10:00 UTC"), null))
                .weakens(base));
        assertTrue(base.with(new PolicyInput(null, null, null, null, null, null, List.of(), null)).weakens(base));
        assertTrue(base.with(new PolicyInput(null, null, null, null, null, null, null, true)).weakens(base));
        PolicyTerms allowed = base.with(new PolicyInput(null, null, null, null, null, null, null, true));
        assertFalse(allowed.with(new PolicyInput(null, null, null, null, null, null, null, false)).weakens(allowed));
        assertEquals(true, new PolicyTerms(1, 1, 24, true, 1, List.of(), null, null).breakGlassAllowed(),
                "terms stored before break-glass existed read as allowed");
    }
}
