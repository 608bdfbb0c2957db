package se.molnkoll.pages.layout;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * A link to a page with query parameters, each value encoded the way a form would send it, so that
 * what the user typed ({@code C++}, {@code {x}}, {@code å}) comes back exactly. Null and blank values
 * are left out.
 */
public final class Link {

    private final String path;
    private final StringJoiner query = new StringJoiner("&");

    private Link(String path) {
        this.path = path;
    }

    public static Link to(String path) {
        return new Link(path);
    }

    public Link with(String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
        return this;
    }

    @Override
    public String toString() {
        return query.length() == 0 ? path : path + "?" + query;
    }
}
