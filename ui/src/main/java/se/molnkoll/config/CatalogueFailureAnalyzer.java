package se.molnkoll.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import se.molnkoll.kernel.catalogue.CatalogueException;

/** Turns a broken measure catalogue into a short startup failure report instead of a stack trace. */
public class CatalogueFailureAnalyzer extends AbstractFailureAnalyzer<CatalogueException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CatalogueException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the measure catalogue (shared-kernel: se/molnkoll/kernel/catalogue/measures.json) so that it "
                        + "transcribes table 4.5 of the routine: 42 distinct measures, each with at least one phase "
                        + "and one criterion.", cause);
    }
}
