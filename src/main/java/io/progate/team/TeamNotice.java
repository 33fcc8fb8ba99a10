package io.progate.team;

import java.util.List;

/** A warning about a team ({@link TeamNotices}), with its items and where to act on it. */
public record TeamNotice(String title, List<String> items, String linkUrl, String linkText) {
}
