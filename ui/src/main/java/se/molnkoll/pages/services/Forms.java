package se.molnkoll.pages.services;

import se.molnkoll.input.FormFields;
import static se.molnkoll.input.Lengths.NAME;
import static se.molnkoll.input.Lengths.TEXT;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import se.molnkoll.input.BusinessDate;
import se.molnkoll.kernel.Phase;

import java.time.LocalDate;

/**
 * What the contract manager's forms post, with the same limits as the API's bodies. Plain beans, as
 * Spring's form binding and Thymeleaf's {@code th:field} expect.
 */
final class Forms {

    private Forms() {
    }

    /** The details as they should be (prefilled with what is recorded), and why they change. */
    public static class Correction extends FormFields.Register {
        @NotBlank @Size(max = TEXT) private String reason;

        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }

    /** A revocation from the service page's risk table: which acceptance (measure, phase), from which day, why. */
    public static class Revocation {
        @NotNull @Min(1) private Integer measureId;
        @NotNull private Phase phase;
        @NotNull @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate revokedFrom;
        @NotBlank @Size(max = TEXT) private String reason;

        public Integer getMeasureId() { return measureId; }
        public void setMeasureId(Integer measureId) { this.measureId = measureId; }
        public Phase getPhase() { return phase; }
        public void setPhase(Phase phase) { this.phase = phase; }
        public LocalDate getRevokedFrom() { return revokedFrom; }
        public void setRevokedFrom(LocalDate revokedFrom) { this.revokedFrom = revokedFrom; }
        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }

    /** A task: who does it, by when, and what; about the measure and phase, or the proposal, it was opened for. */
    public static class Task {
        @Min(1) private Integer measureId;
        private Phase phase;
        private String proposalId;
        @NotBlank @Size(max = NAME) private String assignee;
        @NotNull @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate dueOn;
        @Size(max = TEXT) private String note;

        public Integer getMeasureId() { return measureId; }
        public void setMeasureId(Integer measureId) { this.measureId = measureId; }
        public Phase getPhase() { return phase; }
        public void setPhase(Phase phase) { this.phase = phase; }
        public String getProposalId() { return proposalId; }
        public void setProposalId(String proposalId) { this.proposalId = proposalId; }
        public String getAssignee() { return assignee; }
        public void setAssignee(String assignee) { this.assignee = assignee; }
        public LocalDate getDueOn() { return dueOn; }
        public void setDueOn(LocalDate dueOn) { this.dueOn = dueOn; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }

    public static class RiskProposal {
        @NotNull @Min(1) private Integer measureId;
        @NotNull private Phase phase;
        @NotBlank @Size(max = TEXT) private String residualRisk;
        @NotBlank @Size(max = TEXT) private String motivation;
        @NotNull @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate validUntil;

        public Integer getMeasureId() { return measureId; }
        public void setMeasureId(Integer measureId) { this.measureId = measureId; }
        public Phase getPhase() { return phase; }
        public void setPhase(Phase phase) { this.phase = phase; }
        public String getResidualRisk() { return residualRisk; }
        public void setResidualRisk(String residualRisk) { this.residualRisk = residualRisk; }
        public String getMotivation() { return motivation; }
        public void setMotivation(String motivation) { this.motivation = motivation; }
        public LocalDate getValidUntil() { return validUntil; }
        public void setValidUntil(LocalDate validUntil) { this.validUntil = validUntil; }
    }

    /** The risk owner's decision on a proposal: a note with an approval, a reason with a rejection. */
    public static class RiskDecision {
        @Size(max = TEXT) private String text;

        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
    }

    public static class ProviderChange {
        @NotBlank @Size(max = TEXT) private String description;
        @NotNull @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate changedOn;

        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public LocalDate getChangedOn() { return changedOn; }
        public void setChangedOn(LocalDate changedOn) { this.changedOn = changedOn; }
    }

    public static class Termination {
        @NotNull @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate terminatedOn;
        @NotBlank @Size(max = TEXT) private String reason;

        public LocalDate getTerminatedOn() { return terminatedOn; }
        public void setTerminatedOn(LocalDate terminatedOn) { this.terminatedOn = terminatedOn; }
        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }

}
