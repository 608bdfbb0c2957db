package se.molnkoll.kernel.catalogue;

/**
 * The review schedule in force: the one shipped beside the catalogue, with the changes administrators have
 * recorded since. The services ask it when they schedule a review.
 */
@FunctionalInterface
public interface ReviewSchedules {

    ReviewSchedule current();
}
