package se.molnkoll.kernel.query;

import java.util.List;

/**
 * One page of the register, with what a client needs to fetch the others.
 *
 * @param totalServices the services the filter matches, on every page
 * @param units         every organisation unit of the register at the moment (unfiltered), to choose from
 */
public record RegisterPage(List<RegisterRow> services, int page, int size, long totalServices, int totalPages,
                           List<String> units) {
}
