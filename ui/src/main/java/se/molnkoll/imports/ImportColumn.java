package se.molnkoll.imports;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The columns an import reads, on the services' sheet and on the evidence sheet: the header in Swedish
 * and in English (either is accepted, in any case), whether the column must be there, and the form
 * field it fills, so that a value refused is refused as the form refuses it.
 */
public enum ImportColumn {
    KEY(Sheet.SERVICES, "Beteckning", "Key", true, null, "MT-0001"),
    NAME(Sheet.SERVICES, "Namn", "Name", true, "name", "Samarbetsyta"),
    VENDOR(Sheet.SERVICES, "Leverantör", "Vendor", true, "vendor", "Moln AB"),
    SERVICE_MODEL(Sheet.SERVICES, "Tjänstemodell", "Service model", true, "serviceModel", "SaaS"),
    ORGANISATION_UNIT(Sheet.SERVICES, "Organisationsenhet", "Organisation unit", true, "organisationUnit", "Regionstyrelsen"),
    OWNER(Sheet.SERVICES, "Ägare", "Owner", true, "owner", "Anna Andersson"),
    CONFIDENTIALITY(Sheet.SERVICES, "Konfidentialitet", "Confidentiality", false, "confidentiality", "2"),
    INTEGRITY(Sheet.SERVICES, "Riktighet", "Integrity", false, "integrity", "2"),
    AVAILABILITY(Sheet.SERVICES, "Tillgänglighet", "Availability", false, "availability", "1"),
    SECRECY(Sheet.SERVICES, "Sekretess", "Secrecy", false, "secrecy", "nej"),
    PERSONAL_DATA(Sheet.SERVICES, "Personuppgifter", "Personal data", false, "personalData", "ja"),
    ALLOWED_LOCATIONS(Sheet.SERVICES, "Tillåtna platser", "Allowed locations", false, "allowedLocations", "SE, EU/EES"),
    OWNERSHIP_REQUIREMENT(Sheet.SERVICES, "Ägarkrav", "Ownership requirement", false, "ownershipRequirement", ""),
    DECISION_REFERENCE(Sheet.SERVICES, "Beslut", "Decision", false, "decisionReference", "RS 2025-00123"),

    SERVICE_KEY(Sheet.EVIDENCE, "Tjänstens beteckning", "Service key", true, null, "MT-0001"),
    EVIDENCE_KEY(Sheet.EVIDENCE, "Underlagets beteckning", "Evidence key", true, null, "U-1"),
    MEASURES(Sheet.EVIDENCE, "Åtgärder", "Measures", true, "measureIds", "3, 5"),
    PHASES(Sheet.EVIDENCE, "Faser", "Phases", true, "phases", "ANS"),
    KIND(Sheet.EVIDENCE, "Typ", "Kind", true, "kind", "certifikat"),
    TITLE(Sheet.EVIDENCE, "Titel", "Title", true, "title", "ISO/IEC 27001-certifikat"),
    ISSUER(Sheet.EVIDENCE, "Utfärdare", "Issuer", true, "issuer", "Certifieringsorgan AB"),
    RECEIVED_ON(Sheet.EVIDENCE, "Mottaget", "Received on", true, "receivedOn", "2025-03-01"),
    VALID_FROM(Sheet.EVIDENCE, "Giltigt från", "Valid from", false, "validFrom", "2025-01-15"),
    VALID_UNTIL(Sheet.EVIDENCE, "Giltigt till", "Valid until", false, "validUntil", "2028-01-14"),
    DOCUMENT_SHA256(Sheet.EVIDENCE, "SHA-256", "SHA-256", false, "documentSha256", ""),
    REFERENCE(Sheet.EVIDENCE, "Referens", "Reference", false, "reference", "Dnr 2025-17");

    /** The classification's columns: a row with a value in any of them is classified. */
    static final List<ImportColumn> CLASSIFICATION = List.of(CONFIDENTIALITY, INTEGRITY, AVAILABILITY, SECRECY, PERSONAL_DATA,
            ALLOWED_LOCATIONS, OWNERSHIP_REQUIREMENT, DECISION_REFERENCE);

    /** Which sheet a column belongs to. */
    public enum Sheet { SERVICES, EVIDENCE }

    private final Sheet sheet;
    private final String swedish;
    private final String english;
    private final boolean required;
    private final @Nullable String field;
    private final String example;

    ImportColumn(Sheet sheet, String swedish, String english, boolean required, @Nullable String field, String example) {
        this.sheet = sheet;
        this.swedish = swedish;
        this.english = english;
        this.required = required;
        this.field = field;
        this.example = example;
    }

    public Sheet sheet() {
        return sheet;
    }

    public boolean required() {
        return required;
    }

    /** The header as written in a file for this language (Swedish unless English is asked for). */
    public String header(Locale locale) {
        return "en".equals(locale.getLanguage()) ? english : swedish;
    }

    public String swedish() {
        return swedish;
    }

    public String english() {
        return english;
    }

    public String example() {
        return example;
    }

    @Nullable String field() {
        return field;
    }

    boolean matches(String header) {
        String given = header.strip();
        return given.equalsIgnoreCase(swedish) || given.equalsIgnoreCase(english);
    }

    public static List<ImportColumn> of(Sheet sheet) {
        return Arrays.stream(values()).filter(c -> c.sheet == sheet).toList();
    }

    static @Nullable ImportColumn forField(Sheet sheet, String field) {
        return of(sheet).stream().filter(c -> field.equals(c.field)).findFirst().orElse(null);
    }
}
