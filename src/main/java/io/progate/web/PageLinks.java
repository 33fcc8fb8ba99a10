package io.progate.web;

import io.progate.common.Paging;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * Links to the next page of a list, kept with the list's own filters: an API list answers its page as a
 * JSON array with {@code Link: <...>; rel="next"} (and {@code X-Next-Cursor}) when more rows follow; a
 * page shows a "next page" link to the same URL.
 */
public final class PageLinks {

    public static final String NEXT_CURSOR = "X-Next-Cursor";

    private PageLinks() {
    }

    /** Path and query of the current request with {@code cursor} set to the next page's; null on the last page. */
    public static String next(UriInfo uri, Long nextCursor) {
        return next(uri, "cursor", nextCursor);
    }

    /**
     * The same with the cursor in {@code param}, for a page that shows two lists, each paged by its own
     * cursor (the other list's stays in the link).
     */
    public static String next(UriInfo uri, String param, Long nextCursor) {
        if (nextCursor == null) {
            return null;
        }
        URI next = uri.getRequestUriBuilder().replaceQueryParam(param, nextCursor).build();
        return next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
    }

    /** 200 with the page's items turned into views, and the link to the next page when there is one. */
    public static <T, V> Response ok(Paging.Page<T> page, Function<List<T>, List<V>> views, UriInfo uri) {
        Response.ResponseBuilder answer = Response.ok(views.apply(page.items()));
        String next = next(uri, page.nextCursor());
        if (next != null) {
            answer.header("Link", "<" + next + ">; rel=\"next\"").header(NEXT_CURSOR, page.nextCursor());
        }
        return answer.build();
    }
}
