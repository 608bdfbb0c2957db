package se.molnkoll.kernel;

/** What sort of document or decision a piece of evidence is. */
public enum EvidenceKind {
    CERTIFICATE("certifikat"),
    AUDIT_REPORT("revisionsrapport"),
    CONTRACT_CLAUSE("avtalsklausul"),
    VENDOR_STATEMENT("leverantörsintyg"),
    INTERNAL_DECISION("internt beslut"),
    OTHER("övrigt");

    private final String swedishName;

    EvidenceKind(String swedishName) {
        this.swedishName = swedishName;
    }

    public String swedishName() {
        return swedishName;
    }
}
