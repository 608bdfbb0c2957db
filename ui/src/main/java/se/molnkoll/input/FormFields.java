package se.molnkoll.input;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.ServiceModel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static se.molnkoll.input.Lengths.NAME;
import static se.molnkoll.input.Lengths.TEXT;

/**
 * The fields of a service, its classification and a piece of evidence, with their limits: bound from
 * the pages' forms and from the rows of an imported spreadsheet alike, so both refuse the same values
 * in the same words. Plain beans, as Spring's binding and Thymeleaf's {@code th:field} expect.
 */
public final class FormFields {

    private FormFields() {
    }

    public static class Register {
        @NotBlank @Size(max = NAME) private String name;
        @NotBlank @Size(max = NAME) private String vendor;
        @NotNull private ServiceModel serviceModel;
        @NotBlank @Size(max = NAME) private String organisationUnit;
        @NotBlank @Size(max = NAME) private String owner;
        /** The vendor record chosen, or blank: the vendor is named only in words (linked later). */
        private String vendorId;

        public String getVendorId() { return vendorId; }
        public void setVendorId(String vendorId) { this.vendorId = vendorId; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getVendor() { return vendor; }
        public void setVendor(String vendor) { this.vendor = vendor; }
        public ServiceModel getServiceModel() { return serviceModel; }
        public void setServiceModel(ServiceModel serviceModel) { this.serviceModel = serviceModel; }
        public String getOrganisationUnit() { return organisationUnit; }
        public void setOrganisationUnit(String organisationUnit) { this.organisationUnit = organisationUnit; }
        public String getOwner() { return owner; }
        public void setOwner(String owner) { this.owner = owner; }
    }

    public static class Classify {
        @NotNull @Min(0) @Max(4) private Integer confidentiality;
        @NotNull @Min(0) @Max(4) private Integer integrity;
        @NotNull @Min(0) @Max(4) private Integer availability;
        private boolean secrecy;
        private boolean personalData;
        /** ISO 3166-1 codes or EU/EEA, separated by commas or spaces. */
        @Size(max = 400) private String allowedLocations;
        @Size(max = TEXT) private String ownershipRequirement;
        @Size(max = NAME) private String decisionReference;

        public static Classify of(Classification c) {
            Classify form = new Classify();
            if (c != null) {
                form.confidentiality = c.confidentiality();
                form.integrity = c.integrity();
                form.availability = c.availability();
                form.secrecy = c.secrecy();
                form.personalData = c.personalData();
                form.allowedLocations = String.join(", ", c.allowedLocations());
                form.ownershipRequirement = c.ownershipRequirement();
                form.decisionReference = c.decisionReference();
            }
            return form;
        }

        /** The locations as given, upper-cased, without duplicates; the Swedish EU/EES is EU/EEA. */
        public List<String> locations() {
            if (allowedLocations == null || allowedLocations.isBlank()) return List.of();
            return new ArrayList<>(new LinkedHashSet<>(Arrays.stream(allowedLocations.split("[,;\\s]+"))
                    .filter(s -> !s.isBlank()).map(s -> s.strip().toUpperCase(java.util.Locale.ROOT))
                    .map(s -> s.equals("EU/EES") ? "EU/EEA" : s).toList()));
        }

        /** The classification, once the form is valid. */
        public Classification classification() {
            return CommandInput.classification(confidentiality, integrity, availability, secrecy, personalData, locations(),
                    ownershipRequirement, decisionReference);
        }

        public Integer getConfidentiality() { return confidentiality; }
        public void setConfidentiality(Integer confidentiality) { this.confidentiality = confidentiality; }
        public Integer getIntegrity() { return integrity; }
        public void setIntegrity(Integer integrity) { this.integrity = integrity; }
        public Integer getAvailability() { return availability; }
        public void setAvailability(Integer availability) { this.availability = availability; }
        public boolean isSecrecy() { return secrecy; }
        public void setSecrecy(boolean secrecy) { this.secrecy = secrecy; }
        public boolean isPersonalData() { return personalData; }
        public void setPersonalData(boolean personalData) { this.personalData = personalData; }
        public String getAllowedLocations() { return allowedLocations; }
        public void setAllowedLocations(String allowedLocations) { this.allowedLocations = allowedLocations; }
        public String getOwnershipRequirement() { return ownershipRequirement; }
        public void setOwnershipRequirement(String ownershipRequirement) { this.ownershipRequirement = ownershipRequirement; }
        public String getDecisionReference() { return decisionReference; }
        public void setDecisionReference(String decisionReference) { this.decisionReference = decisionReference; }
    }

    @PeriodInOrder
    public static class Evidence implements PeriodInOrder.Period {
        @NotEmpty private Set<Integer> measureIds = new LinkedHashSet<>();
        @NotEmpty private Set<Phase> phases = new LinkedHashSet<>();
        @NotNull private EvidenceKind kind;
        @NotBlank @Size(max = NAME) private String title;
        @NotBlank @Size(max = NAME) private String issuer;
        @NotNull @BusinessDate @NotInFuture @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate receivedOn;
        @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate validFrom;
        @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate validUntil;
        @Pattern(regexp = "([0-9a-fA-F]{64})?") private String documentSha256;
        @Size(max = NAME) private String reference;

        public Set<Integer> getMeasureIds() { return measureIds; }
        public void setMeasureIds(Set<Integer> measureIds) { this.measureIds = measureIds == null ? new LinkedHashSet<>() : measureIds; }
        public Set<Phase> getPhases() { return phases; }
        public void setPhases(Set<Phase> phases) { this.phases = phases == null ? new LinkedHashSet<>() : phases; }
        public EvidenceKind getKind() { return kind; }
        public void setKind(EvidenceKind kind) { this.kind = kind; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getIssuer() { return issuer; }
        public void setIssuer(String issuer) { this.issuer = issuer; }
        @Override public LocalDate receivedOn() { return receivedOn; }
        public LocalDate getReceivedOn() { return receivedOn; }
        public void setReceivedOn(LocalDate receivedOn) { this.receivedOn = receivedOn; }
        @Override public LocalDate validFrom() { return validFrom; }
        public LocalDate getValidFrom() { return validFrom; }
        public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
        @Override public LocalDate validUntil() { return validUntil; }
        public LocalDate getValidUntil() { return validUntil; }
        public void setValidUntil(LocalDate validUntil) { this.validUntil = validUntil; }
        public String getDocumentSha256() { return documentSha256; }
        public void setDocumentSha256(String documentSha256) { this.documentSha256 = documentSha256; }
        public String getReference() { return reference; }
        public void setReference(String reference) { this.reference = reference; }
    }

}
