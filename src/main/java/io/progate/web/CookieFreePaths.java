package io.progate.web;

import java.util.List;

/**
 * Path prefixes that {@link CsrfExemption} keeps free of the portal's cookies and CSRF check: an
 * API authenticated by a header alone. A feature package that serves one provides a bean.
 */
public interface CookieFreePaths {

    List<String> prefixes();
}
