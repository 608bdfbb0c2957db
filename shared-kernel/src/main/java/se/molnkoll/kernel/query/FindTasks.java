package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;
import se.molnkoll.kernel.CloudServiceId;

/**
 * The tasks as recorded at the moment, most urgent first (overdue first, then by due date): those given
 * to {@code assignee} (null: anyone), of {@code serviceId} (null: of every service in use), only the
 * open ones if {@code openOnly}.
 */
public record FindTasks(Moment moment, @Nullable String assignee, @Nullable CloudServiceId serviceId, boolean openOnly) {
}
