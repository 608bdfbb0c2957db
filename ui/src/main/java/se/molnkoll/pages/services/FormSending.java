package se.molnkoll.pages.services;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.molnkoll.documents.DocumentTypes;
import se.molnkoll.input.RefusalWords;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.catalogue.Measure;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.command.RuleViolationException;
import se.molnkoll.kernel.command.UnknownEvidenceException;
import se.molnkoll.kernel.command.UnknownProposalException;
import se.molnkoll.kernel.command.UnknownTaskException;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.recording.Recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What every contract manager's form does alike: send its command and go back to the service (or
 * show the form again with the reasons in words), find the service it is about, say a refusal in the
 * user's language.
 */
@Component
class FormSending {

    /** The messages of document refusals: this and the refusal's name. */
    static final String REFUSED_DOCUMENT = "document.refused.";

    private final Recorder recorder;
    private final QueryGateway queries;
    private final MeasureCatalogue catalogue;
    private final MessageSource messages;
    private final RefusalWords refusalWords;

    FormSending(Recorder recorder, QueryGateway queries, MeasureCatalogue catalogue, MessageSource messages,
                RefusalWords refusalWords) {
        this.refusalWords = refusalWords;
        this.recorder = recorder;
        this.queries = queries;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    /**
     * Sends the command. Accepted: back to the service with a note (and a word that the pages catch up
     * in a moment if the read models have not yet). Refused: the form again with the reasons in words.
     */
    String send(CloudServiceId service, Object command, String done, RedirectAttributes redirect, Model model,
                Locale locale, Supplier<String> formAgain) {
        return record(service, command, done, redirect, locale, serviceRedirect(service), reasons -> {
            model.addAttribute("problems", reasons);
            return formAgain.get();
        });
    }

    /** As {@link #send}, for a registration linked to its vendor record in the same transaction (link null: none). */
    String sendRegistration(CloudServiceId service, se.molnkoll.kernel.command.RegisterCloudService registration,
                            se.molnkoll.kernel.command.LinkVendor link, String done, RedirectAttributes redirect, Model model,
                            Locale locale, Supplier<String> formAgain) {
        try {
            boolean visible = recorder.recordRegistration(service, registration, link);
            redirect.addFlashAttribute("success", visible ? List.of(text(done, locale))
                    : List.of(text(done, locale), text("flash.notYetVisible", locale)));
            return serviceRedirect(service);
        } catch (RuleViolationException refused) {
            model.addAttribute("problems", reasons(refused, locale));
            return formAgain.get();
        }
    }

    /** As {@link #send}, for commands without a form: the reasons go back to the service page. */
    String sendThenBack(CloudServiceId service, Object command, String done, RedirectAttributes redirect, Locale locale) {
        return record(service, command, done, redirect, locale, serviceRedirect(service), reasons -> {
            redirect.addFlashAttribute("refused", reasons);
            return serviceRedirect(service);
        });
    }

    /** As {@link #sendThenBack}, for the risk owner's decisions: back to the queue, accepted or refused. */
    String sendThenQueue(CloudServiceId service, Object command, String done, RedirectAttributes redirect, Locale locale) {
        return record(service, command, done, redirect, locale, RisksPage.REDIRECT, reasons -> {
            redirect.addFlashAttribute("refused", reasons);
            return RisksPage.REDIRECT;
        });
    }

    private String record(CloudServiceId service, Object command, String done, RedirectAttributes redirect, Locale locale,
                          String then, Function<List<String>, String> refusedThen) {
        try {
            boolean visible = recorder.record(service, command);
            redirect.addFlashAttribute("success", visible ? List.of(text(done, locale))
                    : List.of(text(done, locale), text("flash.notYetVisible", locale)));
            return then;
        } catch (RuleViolationException | ConcurrencyException | UnknownEvidenceException | UnknownProposalException
                 | UnknownTaskException refused) {
            return refusedThen.apply(reasons(refused, locale));
        }
    }

    /** Each reason a command was refused, in the user's language. */
    private List<String> reasons(RuntimeException refused, Locale locale) {
        if (refused instanceof RuleViolationException violation) {
            return refusalWords.reasons(violation, locale);
        }
        return List.of(reason(refused, locale));
    }

    /** Why something was refused, in the user's language, in one text. */
    String reason(RuntimeException refused, Locale locale) {
        if (refused instanceof RuleViolationException violation) {
            return String.join(" ", reasons(violation, locale));
        }
        if (refused instanceof ConcurrencyException) return text("problem.concurrentChange", locale);
        if (refused instanceof UnknownEvidenceException) return text("problem.unknownEvidence", locale);
        if (refused instanceof UnknownProposalException) return text("problem.unknownProposal", locale);
        if (refused instanceof UnknownTaskException) return text("problem.unknownTask", locale);
        if (refused instanceof DocumentTypes.RefusedException document) {
            return messages.getMessage(REFUSED_DOCUMENT + document.refusal().name(), document.arguments().toArray(), locale);
        }
        return text("problem.unexpected", locale);
    }

    String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** The service as now known, if it may still be changed: 404 if there is none, 409 once decommissioned. */
    CloudServiceView current(String id) {
        CloudServiceId service = ServicePage.serviceId(id);
        CloudServiceView view = queries.query(new FindCloudService(service), ResponseTypes.optionalInstanceOf(CloudServiceView.class))
                .join().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (view.decommissioned() || view.archivedBecause() != null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "decommissioned");
        }
        return view;
    }

    /** A proposal's or a task's id from an address: a UUID, or there is no such thing (404). */
    static String id(String id) {
        try {
            return java.util.UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    static EvidenceId evidenceId(String id) {
        try {
            return EvidenceId.of(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    static String serviceRedirect(CloudServiceId service) {
        return "redirect:/services/" + service.value();
    }

    /** The measures that apply to the service, each with the phases it belongs to among those that apply. */
    List<ApplicableMeasure> applicableMeasures(CloudServiceView view) {
        Map<MeasureId, List<Phase>> phases = view.measures().stream().collect(Collectors.groupingBy(
                m -> m.measureId(), TreeMap::new, Collectors.mapping(m -> m.phase(), Collectors.toList())));
        List<ApplicableMeasure> applicable = new ArrayList<>();
        phases.forEach((id, in) -> applicable.add(new ApplicableMeasure(catalogue.measure(id).orElseThrow(), in)));
        return applicable;
    }

    /** A measure that applies, with its applicable phases, and the first line of its text as a label. */
    record ApplicableMeasure(Measure measure, List<Phase> phases) {
        public String summary() {
            return FormSending.summary(measure);
        }
    }

    /** A measure's label: the first line of its text, shortened to 140 characters. */
    static String summary(Measure measure) {
        String first = measure.text().lines().findFirst().orElse("");
        return first.length() > 140 ? first.substring(0, 137) + "…" : first;
    }
}
