package se.molnkoll.pages.services;

import se.molnkoll.kernel.EvidenceKind;

import java.util.List;
import java.util.Map;

/**
 * The measures a kind of evidence usually shows, as the routine itself says: each measure here asks, in
 * its own text, for that kind of evidence (the phrase beside it is quoted from the routine, and a test
 * checks that it still is). The evidence form offers them as a preselection, never as a choice made for
 * the user; a measure the service's classification does not make applicable is left out.
 */
final class EvidencePresets {

    /** Measure number → the routine's words that ask for this kind of evidence. */
    static final Map<EvidenceKind, Map<Integer, String>> GROUNDS = Map.of(
            EvidenceKind.CERTIFICATE, Map.of(
                    27, "Sådana bevis kan vara certifieringar från tredjepartsrevisorer",
                    30, "Sådana bevis kan vara certifieringar från tredjepartsrevisorer",
                    38, "tillhandahåller oberoende bevis på att informationssäkerheten hanteras"),
            EvidenceKind.AUDIT_REPORT, Map.of(
                    27, "Sådana bevis kan vara certifieringar från tredjepartsrevisorer",
                    30, "begära dokumenterade bevis för att implementation av säkerhetsåtgärder stämmer",
                    38, "tillhandahåller oberoende bevis på att informationssäkerheten hanteras"),
            EvidenceKind.CONTRACT_CLAUSE, Map.of(
                    1, "ska anges i avtal",
                    31, "utser en kontaktpunkt avseende personuppgiftsbehandlingen enligt avtalet",
                    40, "i avtalet med molntjänstleverantören framgår att informationen ska återlämnas"),
            EvidenceKind.VENDOR_STATEMENT, Map.of(
                    11, "begära information från molntjänstleverantören",
                    14, "begära följande information",
                    19, "begära specifikationer för säkerhetskopiering från molntjänstleverantören",
                    22, "begära information från molntjänstleverantören",
                    25, "begära information från molntjänstleverantören",
                    26, "begära information från molntjänstleverantören"),
            EvidenceKind.INTERNAL_DECISION, Map.of(
                    24, "fastställd informationsklassning",
                    42, "genomföra riskanalys"));

    private EvidencePresets() {
    }

    /** The preselection for a kind among the measures offered, in number order (empty: none for that kind). */
    static List<Integer> of(EvidenceKind kind, List<Integer> offered) {
        Map<Integer, String> grounds = GROUNDS.getOrDefault(kind, Map.of());
        return offered.stream().filter(grounds::containsKey).sorted().toList();
    }
}
