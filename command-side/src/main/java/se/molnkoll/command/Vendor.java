package se.molnkoll.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.kernel.InputProblem;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.command.AddSubProcessor;
import se.molnkoll.kernel.command.ChangeContactPoint;
import se.molnkoll.kernel.command.ChangeSubProcessor;
import se.molnkoll.kernel.command.CorrectVendorDetails;
import se.molnkoll.kernel.command.RegisterVendor;
import se.molnkoll.kernel.command.RemoveSubProcessor;
import se.molnkoll.kernel.command.RuleViolationException;
import se.molnkoll.kernel.command.Violation;
import se.molnkoll.kernel.event.ContactPointChanged;
import se.molnkoll.kernel.event.SubProcessorAdded;
import se.molnkoll.kernel.event.SubProcessorChanged;
import se.molnkoll.kernel.event.SubProcessorRemoved;
import se.molnkoll.kernel.event.VendorDetailsCorrected;
import se.molnkoll.kernel.event.VendorEvent;
import se.molnkoll.kernel.event.VendorRegistered;
import se.molnkoll.kernel.vendor.ContactPoint;
import se.molnkoll.kernel.vendor.SubProcessor;
import se.molnkoll.kernel.vendor.VendorDetails;
import se.molnkoll.kernel.vendor.VendorRecord;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One vendor: who it is in law, how to reach it, and the sub-processors it engages (routine §2's shared
 * responsibility "med eventuella underleverantörer"). Its state is the kernel's {@link VendorRecord}, the same
 * fold the services and the read models use.
 */
@Aggregate
public class Vendor {

    static final int TEXT_MAX = 500;
    /** A plain check that an address has a local part and a domain; the mail server is the real judge. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @AggregateIdentifier
    private VendorId id;
    private VendorRecord record;

    protected Vendor() {
        // for Axon: the state is rebuilt from events
    }

    @CommandHandler
    public Vendor(RegisterVendor command) {
        reject(problems(command.details()));
        apply(new VendorRegistered(command.vendorId(), command.details().normalised()));
    }

    @CommandHandler
    void handle(CorrectVendorDetails command) {
        List<Violation> violations = problems(command.details());
        requireReason(command.reason(), "A correction of a vendor", violations);
        if (violations.isEmpty() && command.details().normalised().equals(record.details())) {
            violations.add(Violation.of("NOTHING_TO_CORRECT", "The vendor's details are as given already"));
        }
        reject(violations);
        apply(new VendorDetailsCorrected(id, record.details(), command.details().normalised(), command.reason().strip()));
    }

    @CommandHandler
    void handle(ChangeContactPoint command) {
        ContactPoint contact = command.contact();
        List<Violation> violations = new ArrayList<>();
        if (command.purpose() == null) {
            violations.add(Violation.of("CONTACT_PURPOSE_REQUIRED", "Say what the contact is for"));
        }
        if (contact != null) {
            if (contact.purpose() != command.purpose()) {
                violations.add(Violation.of("CONTACT_PURPOSE_MISMATCH", "The contact is for " + contact.purpose() + ", not " + command.purpose()));
            }
            if (contact.name() == null || contact.name().isBlank() || contact.name().length() > TEXT_MAX) {
                violations.add(Violation.of("CONTACT_NAME_REQUIRED", "A contact needs the function's or team's name"));
            }
            if (contact.email() == null && contact.phone() == null) {
                violations.add(Violation.of("CONTACT_MEANS_REQUIRED", "A contact needs an e-mail address or a telephone number"));
            }
            if (contact.email() != null && !EMAIL.matcher(contact.email()).matches()) {
                violations.add(Violation.of("CONTACT_EMAIL_INVALID", "'" + contact.email() + "' is not an e-mail address"));
            }
        }
        reject(violations);
        ContactPoint before = record.contacts().get(command.purpose());
        if (Objects.equals(before, contact)) {
            reject(Violation.of("NOTHING_TO_CHANGE", "The vendor's " + command.purpose() + " contact is as given already"));
        }
        apply(new ContactPointChanged(id, command.purpose(), before, contact));
    }

    @CommandHandler
    void handle(AddSubProcessor command, Clock clock) {
        List<Violation> violations = problemsOf(command.subProcessor());
        notifiedOn(command.notifiedOn(), clock, violations);
        try {
            UUID.fromString(command.subProcessorId());
        } catch (IllegalArgumentException | NullPointerException e) {
            violations.add(Violation.of("SUB_PROCESSOR_ID_INVALID", "A sub-processor's id is a UUID, not " + command.subProcessorId()));
        }
        if (record.subProcessors().containsKey(command.subProcessorId())) {
            violations.add(Violation.of("SUB_PROCESSOR_ID_TAKEN", "The vendor has a sub-processor " + command.subProcessorId() + " already"));
        }
        if (command.subProcessor() != null && command.subProcessor().name() != null && record.subProcessors().values().stream()
                .anyMatch(s -> s.name().equalsIgnoreCase(command.subProcessor().name().strip()))) {
            violations.add(Violation.of("SUB_PROCESSOR_LISTED", "The vendor engages " + command.subProcessor().name().strip()
                    + " already; change that sub-processor instead"));
        }
        reject(violations);
        apply(new SubProcessorAdded(id, command.subProcessorId(), stripped(command.subProcessor()), command.notifiedOn()));
    }

    @CommandHandler
    void handle(ChangeSubProcessor command, Clock clock) {
        SubProcessor before = engaged(command.subProcessorId());
        List<Violation> violations = problemsOf(command.subProcessor());
        notifiedOn(command.notifiedOn(), clock, violations);
        requireReason(command.reason(), "A change of a sub-processor", violations);
        if (violations.isEmpty() && stripped(command.subProcessor()).equals(before)) {
            violations.add(Violation.of("NOTHING_TO_CHANGE", "The sub-processor is as given already"));
        }
        reject(violations);
        apply(new SubProcessorChanged(id, command.subProcessorId(), before, stripped(command.subProcessor()), command.notifiedOn(),
                command.reason().strip()));
    }

    @CommandHandler
    void handle(RemoveSubProcessor command, Clock clock) {
        SubProcessor before = engaged(command.subProcessorId());
        List<Violation> violations = new ArrayList<>();
        notifiedOn(command.notifiedOn(), clock, violations);
        requireReason(command.reason(), "Removing a sub-processor", violations);
        reject(violations);
        apply(new SubProcessorRemoved(id, command.subProcessorId(), before, command.notifiedOn(), command.reason().strip()));
    }

    @CommandHandler
    void handle(se.molnkoll.kernel.command.RecordVendorEvidence command, Clock clock) {
        List<Violation> violations = command.evidence() == null
                ? new ArrayList<>(List.of(Violation.of("EVIDENCE_TITLE_REQUIRED", "Say which evidence")))
                : toViolations(command.evidence().problems(BusinessDates.today(clock)));
        try {
            UUID.fromString(command.vendorEvidenceId());
        } catch (IllegalArgumentException | NullPointerException e) {
            violations.add(Violation.of("EVIDENCE_ID_INVALID", "Evidence's id is a UUID, not " + command.vendorEvidenceId()));
        }
        if (record.evidence().containsKey(command.vendorEvidenceId())) {
            violations.add(Violation.of("EVIDENCE_ID_TAKEN", "Evidence " + command.vendorEvidenceId() + " is already recorded"));
        }
        reject(violations);
        apply(new se.molnkoll.kernel.event.VendorEvidenceRecorded(id, command.vendorEvidenceId(), command.evidence()));
    }

    @CommandHandler
    void handle(se.molnkoll.kernel.command.WithdrawVendorEvidence command) {
        List<Violation> violations = new ArrayList<>();
        requireReason(command.reason(), "Withdrawing evidence", violations);
        if (!record.evidence().containsKey(command.vendorEvidenceId())) {
            violations.add(Violation.of("UNKNOWN_VENDOR_EVIDENCE", "The vendor has no evidence " + command.vendorEvidenceId()));
        } else if (record.withdrawn(command.vendorEvidenceId())) {
            violations.add(Violation.of("EVIDENCE_ALREADY_WITHDRAWN", "Evidence " + command.vendorEvidenceId() + " is already withdrawn"));
        }
        reject(violations);
        apply(new se.molnkoll.kernel.event.VendorEvidenceWithdrawn(id, command.vendorEvidenceId(), command.reason().strip()));
    }

    @EventSourcingHandler
    void on(VendorRegistered event) {
        id = event.vendorId();
        record = VendorRecord.of(event);
    }

    @EventSourcingHandler
    void on(VendorEvent event) {
        if (!(event instanceof VendorRegistered)) {
            record.apply(event);
        }
    }

    private SubProcessor engaged(String subProcessorId) {
        SubProcessor engaged = record.subProcessors().get(subProcessorId);
        if (engaged == null) {
            reject(Violation.of("UNKNOWN_SUB_PROCESSOR", "The vendor engages no sub-processor " + subProcessorId));
        }
        return engaged;
    }

    private static SubProcessor stripped(SubProcessor s) {
        return new SubProcessor(s.name().strip(), s.country(), s.parentCountry(), s.activity().strip(),
                s.processingCountries().stream().distinct().toList());
    }

    private static void notifiedOn(LocalDate notifiedOn, Clock clock, List<Violation> violations) {
        if (notifiedOn == null) {
            violations.add(Violation.of("NOTIFIED_ON_REQUIRED", "Say when the vendor notified the change"));
        } else if (notifiedOn.isAfter(BusinessDates.today(clock))) {
            violations.add(Violation.of("NOTIFIED_ON_IN_FUTURE", "A notification cannot be dated in the future: " + notifiedOn));
        }
    }

    private static List<Violation> problems(VendorDetails details) {
        return toViolations(details == null ? List.of(new InputProblem("VENDOR_NAME_REQUIRED", "A vendor needs details"))
                : details.problems());
    }

    private static List<Violation> problemsOf(SubProcessor subProcessor) {
        return toViolations(subProcessor == null ? List.of(new InputProblem("SUB_PROCESSOR_NAME_REQUIRED", "Say which sub-processor"))
                : subProcessor.problems());
    }

    private static List<Violation> toViolations(List<InputProblem> problems) {
        return new ArrayList<>(problems.stream().map(p -> Violation.of(p.rule(), p.message())).toList());
    }

    private static void requireReason(String reason, String what, List<Violation> violations) {
        if (reason == null || reason.isBlank()) {
            violations.add(Violation.of("REASON_REQUIRED", what + " needs a reason, for the history"));
        }
    }

    private static void reject(Violation violation) {
        throw new RuleViolationException(violation);
    }

    private static void reject(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }
}
