package se.molnkoll.jobs;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import se.molnkoll.config.CertificateProperties;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.kernel.Loggable;
import se.molnkoll.kernel.query.CertificateStatus;
import se.molnkoll.kernel.query.CertificateView;
import se.molnkoll.kernel.query.EndingAcceptance;
import se.molnkoll.kernel.query.FindCertificates;
import se.molnkoll.kernel.query.FindEndingAcceptances;
import se.molnkoll.kernel.query.FindTasks;
import se.molnkoll.kernel.query.FindReviews;
import se.molnkoll.kernel.query.ReviewView;
import se.molnkoll.kernel.query.TaskView;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.query.api.ReadModels;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Once a day, after molnkoll.digest.send-at by the injected clock, mails each organisation unit's
 * contact the expired and expiring certificates of its services, the risk acceptances that end
 * within the warning window, the recurring reviews past due and the tasks overdue; and mails each person tasks are given to (with an
 * address in molnkoll.digest.people) their own tasks due within the window or overdue. Units with nothing to report get
 * no mail. Every instance checks each minute; a row per (day, unit) in digest_run, inserted before
 * sending, makes sure only one of them sends it.
 * <ul>
 *     <li>If the mail server refuses the mail, the claim is released and the next check tries again.</li>
 *     <li>If an instance dies between claiming and sending, its claim goes stale after 15 minutes and
 *         another check takes it over.</li>
 *     <li>Only if the mail went out but recording that failed can a mail go twice (after 15 minutes).</li>
 * </ul>
 */
@Component
@ConditionalOnProperty(name = "molnkoll.digest.enabled", havingValue = "true")
public class DailyDigest implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);
    /** How long a claimed but unsent digest waits before another check may send it. */
    static final Duration STALE_CLAIM = Duration.ofMinutes(15);

    private final DigestProperties properties;
    private final QueryGateway queries;
    private final JavaMailSender mail;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int warningDays;
    private final ReadModels readModels;
    private final String instance = UUID.randomUUID().toString();

    public DailyDigest(DigestProperties properties, QueryGateway queries, JavaMailSender mail, JdbcTemplate jdbc,
                       Clock clock, CertificateProperties certificates, ReadModels readModels) {
        this.properties = properties;
        this.readModels = readModels;
        this.queries = queries;
        this.mail = mail;
        this.jdbc = jdbc;
        this.clock = clock;
        this.warningDays = certificates.warningDays();
        log.info("Daily digest on: after {} each day, to {} unit contact(s){}", properties.sendAt(),
                properties.contacts().size(), properties.defaultRecipient() == null ? "" : " and a default recipient");
    }

    /** Whether a digest is due is checked every molnkoll.digest.check-interval, the first time one interval after start. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::sendIfDue, properties.checkInterval(), properties.checkInterval()));
    }

    public void sendIfDue() {
        LocalDate today = BusinessDates.today(clock);
        if (LocalTime.ofInstant(clock.instant(), BusinessDates.ZONE).isBefore(properties.sendAt())) {
            return;
        }
        if (readModels.isRebuilding()) {
            // half-rebuilt read models would send a digest that misses certificates, and only once a day
            log.info("Digest waits: the read models are being rebuilt");
            return;
        }
        List<CertificateView> certificates = queries.query(new FindCertificates(null, warningDays),
                ResponseTypes.multipleInstancesOf(CertificateView.class)).join();
        List<EndingAcceptance> acceptances = queries.query(new FindEndingAcceptances(Moment.NOW, warningDays),
                ResponseTypes.multipleInstancesOf(EndingAcceptance.class)).join();
        List<TaskView> tasks = queries.query(new FindTasks(Moment.NOW, null, null, true),
                ResponseTypes.multipleInstancesOf(TaskView.class)).join();
        Map<String, UnitDigest> byUnit = new TreeMap<>();
        certificates.forEach(c -> byUnit.computeIfAbsent(c.organisationUnit(), u -> new UnitDigest()).certificates.add(c));
        acceptances.forEach(a -> byUnit.computeIfAbsent(a.organisationUnit(), u -> new UnitDigest()).acceptances.add(a));
        tasks.stream().filter(TaskView::overdue)
                .forEach(t -> byUnit.computeIfAbsent(t.organisationUnit(), u -> new UnitDigest()).overdueTasks.add(t));
        queries.query(new FindReviews(Moment.NOW, null, true), ResponseTypes.multipleInstancesOf(ReviewView.class)).join()
                .forEach(r -> byUnit.computeIfAbsent(r.organisationUnit(), u -> new UnitDigest()).reviewsPastDue.add(r));
        queries.query(new se.molnkoll.kernel.query.FindServiceLocations(Moment.NOW, null, null, true),
                        ResponseTypes.multipleInstancesOf(se.molnkoll.kernel.query.ServiceLocationsView.class)).join()
                .forEach(l -> byUnit.computeIfAbsent(l.organisationUnit(), u -> new UnitDigest()).locationConflicts.add(l));
        byUnit.forEach((unit, digest) -> {
            String recipient = properties.recipientFor(unit);
            if (recipient == null) {
                log.warn("Digest: {} certificate(s) and {} risk acceptance(s) of {} need attention but the unit has no contact",
                        digest.certificates.size(), digest.acceptances.size(), Loggable.value(unit));
            } else if (claim(today, unit, recipient)) {
                send(today, unit, recipient, message(today, unit, recipient, digest), digest.size());
            }
        });
        // each person their own tasks that are due within the warning window or overdue
        Map<String, List<TaskView>> byPerson = tasks.stream().filter(t -> !t.dueOn().isAfter(today.plusDays(warningDays)))
                .collect(Collectors.groupingBy(TaskView::assignee, TreeMap::new, Collectors.toList()));
        byPerson.forEach((person, own) -> {
            String recipient = properties.emailOf(person);
            String key = PERSON + person;
            if (recipient == null) {
                log.info("Digest: {} task(s) of {} are due but no address is configured for them (molnkoll.digest.people)",
                        own.size(), Loggable.value(person));
            } else if (claim(today, key, recipient)) {
                send(today, key, recipient, personal(today, person, recipient, own), own.size());
            }
        });
    }

    /** How a person's digest is claimed in digest_run, beside the units' (a unit is never named so). */
    static final String PERSON = "person:";

    SimpleMailMessage personal(LocalDate day, String person, String recipient, List<TaskView> tasks) {
        long overdue = tasks.stream().filter(TaskView::overdue).count();
        StringBuilder text = new StringBuilder("Molnkoll – dina uppgifter, ").append(day).append("\n\n");
        for (TaskView t : tasks) {
            long left = java.time.temporal.ChronoUnit.DAYS.between(day, t.dueOn());
            text.append("- ").append(t.serviceName()).append(": ").append(what(t)).append(", klart senast ").append(t.dueOn())
                    .append(left < 0 ? ", försenad " + -left + " dagar" : ", " + left + " dagar kvar")
                    .append(t.note() == null ? "" : " – " + t.note()).append('\n');
        }
        text.append("\nSe Mina uppgifter i Molnkoll.\n\n(English: ").append(tasks.size()).append(" task(s) due within ")
                .append(warningDays).append(" days, ").append(overdue).append(" overdue.)\n");
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(recipient);
        message.setSubject("Molnkoll: " + tasks.size() + " uppgifter att göra, " + overdue + " försenade – " + person);
        message.setText(text.toString());
        return message;
    }

    private static String what(TaskView t) {
        return t.measureId() != null ? "åtgärd " + t.measureId() + " (" + t.phase().routineColumn() + ")"
                : "förslag om riskacceptans till riskägaren";
    }

    /** What one unit's digest holds: certificates expired or expiring, risk acceptances ending, tasks overdue. */
    static final class UnitDigest {
        final List<CertificateView> certificates = new java.util.ArrayList<>();
        final List<EndingAcceptance> acceptances = new java.util.ArrayList<>();
        final List<TaskView> overdueTasks = new java.util.ArrayList<>();
        final List<ReviewView> reviewsPastDue = new java.util.ArrayList<>();
        final List<se.molnkoll.kernel.query.ServiceLocationsView> locationConflicts = new java.util.ArrayList<>();

        int size() {
            return certificates.size() + acceptances.size() + overdueTasks.size() + reviewsPastDue.size() + locationConflicts.size();
        }
    }

    private boolean claim(LocalDate day, String unit, String recipient) {
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.update("insert into digest_run (digest_day, organisation_unit, recipient, claimed_by, claimed_at)"
                    + " values (?, ?, ?, ?, ?)", Date.valueOf(day), unit, recipient, instance, now);
            return true;
        } catch (DuplicateKeyException claimed) {
            // taken over only if whoever claimed it has not sent it for a long time
            return jdbc.update("update digest_run set claimed_by = ?, claimed_at = ?, recipient = ?"
                            + " where digest_day = ? and organisation_unit = ? and sent_at is null and claimed_at < ?",
                    instance, now, recipient, Date.valueOf(day), unit,
                    Timestamp.from(clock.instant().minus(STALE_CLAIM))) == 1;
        }
    }

    /** Sends a claimed digest: {@code unit} is the claim's key (a unit, or {@link #PERSON} and a user name). */
    private void send(LocalDate day, String unit, String recipient, SimpleMailMessage message, int items) {
        try {
            mail.send(message);
        } catch (MailException e) {
            jdbc.update("delete from digest_run where digest_day = ? and organisation_unit = ? and claimed_by = ?"
                    + " and sent_at is null", Date.valueOf(day), unit, instance);
            log.error("Digest for {} to {} could not be sent; the next check tries again", Loggable.value(unit),
                    Loggable.value(recipient), e);
            return;
        }
        try {
            jdbc.update("update digest_run set sent_at = ? where digest_day = ? and organisation_unit = ?",
                    Timestamp.from(clock.instant()), Date.valueOf(day), unit);
            log.info("Digest for {} sent to {} ({} items)", Loggable.value(unit), Loggable.value(recipient), items);
        } catch (RuntimeException e) {
            log.error("Digest for {} was sent to {} but could not be recorded as sent; it may be sent again in {}",
                    Loggable.value(unit), Loggable.value(recipient), STALE_CLAIM, e);
        }
    }

    SimpleMailMessage message(LocalDate day, String unit, String recipient, UnitDigest digest) {
        List<CertificateView> certificates = digest.certificates;
        List<CertificateView> expired = certificates.stream().filter(c -> c.status() == CertificateStatus.EXPIRED).toList();
        List<CertificateView> expiring = certificates.stream().filter(c -> c.status() == CertificateStatus.EXPIRING).toList();
        StringBuilder text = new StringBuilder()
                .append("Molnkoll – certifikat som behöver åtgärdas för ").append(unit).append(", ").append(day).append("\n\n");
        section(text, "Utgångna (" + expired.size() + ")", expired);
        section(text, "Går ut inom " + warningDays + " dagar (" + expiring.size() + ")", expiring);
        if (!certificates.isEmpty()) {
            text.append("Åtgärderna som certifikaten täcker är öppna igen när de har gått ut. Begär förnyade underlag av leverantören ")
                    .append("och registrera dem i Molnkoll.\n\n");
        }
        acceptances(text, day, digest.acceptances);
        if (!digest.reviewsPastDue.isEmpty()) {
            text.append("Försenade granskningar (").append(digest.reviewsPastDue.size()).append(")\n");
            for (ReviewView r : digest.reviewsPastDue) {
                text.append("- ").append(r.serviceName()).append(": åtgärd ").append(r.measureId()).append(" (")
                        .append(r.phase().routineColumn()).append("), skulle granskas senast ").append(r.dueOn()).append('\n');
            }
            text.append("Åtgärden räknas som öppen tills granskningen är registrerad.\n\n");
        }
        if (!digest.locationConflicts.isEmpty()) {
            text.append("Platskonflikter (").append(digest.locationConflicts.size()).append(")\n");
            for (se.molnkoll.kernel.query.ServiceLocationsView l : digest.locationConflicts) {
                text.append("- ").append(l.name()).append(": ").append(l.conflicts().stream().map(c -> c.country()
                        + (c.by() == null ? "" : " (" + c.by() + ")")).distinct().collect(java.util.stream.Collectors.joining(", ")))
                        .append(" utanför det klassningen tillåter\n");
            }
            text.append("Data eller lagval går utanför klassningens krav på plats och ägande; se Var data finns i Molnkoll.\n\n");
        }
        if (!digest.overdueTasks.isEmpty()) {
            text.append("Försenade uppgifter (").append(digest.overdueTasks.size()).append(")\n");
            for (TaskView t : digest.overdueTasks) {
                text.append("- ").append(t.serviceName()).append(": ").append(what(t)).append(", ").append(t.assignee())
                        .append(", skulle vara klar ").append(t.dueOn()).append('\n');
            }
            text.append('\n');
        }
        text.append("(English: ").append(expired.size()).append(" expired and ").append(expiring.size())
                .append(" expiring certificate(s) and ").append(digest.acceptances.size())
                .append(" risk acceptance(s) ending within ").append(warningDays).append(" days, of ").append(unit).append(".)\n");
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(recipient);
        message.setSubject("Molnkoll: " + expired.size() + " utgångna och " + expiring.size()
                + " snart utgående certifikat" + (digest.acceptances.isEmpty() ? ""
                : ", " + digest.acceptances.size() + " riskacceptanser upphör")
                + (digest.reviewsPastDue.isEmpty() ? "" : ", " + digest.reviewsPastDue.size() + " försenade granskningar")
                + (digest.overdueTasks.isEmpty() ? "" : ", " + digest.overdueTasks.size() + " försenade uppgifter")
                + (digest.locationConflicts.isEmpty() ? "" : ", " + digest.locationConflicts.size() + " platskonflikter") + " – " + unit);
        message.setText(text.toString());
        return message;
    }

    private void acceptances(StringBuilder text, LocalDate day, List<EndingAcceptance> acceptances) {
        if (acceptances.isEmpty()) return;
        text.append("Riskacceptanser som upphör inom ").append(warningDays).append(" dagar (").append(acceptances.size())
                .append(")\n");
        for (EndingAcceptance a : acceptances) {
            long left = java.time.temporal.ChronoUnit.DAYS.between(day, a.validUntil());
            text.append("- ").append(a.serviceName()).append(": åtgärd ").append(a.measureId()).append(" (")
                    .append(a.phase().routineColumn()).append("), accepterad av ").append(a.riskOwner())
                    .append(a.proposalId() == null ? " (före riskägarens signering)" : "")
                    .append(", till och med ").append(a.validUntil()).append(", ").append(left).append(" dagar kvar\n");
        }
        text.append("Efter sista dagen är åtgärden öppen igen. Ska risken fortsatt accepteras krävs ett nytt förslag och ")
                .append("ett nytt godkännande av riskägaren.\n\n");
    }

    private static void section(StringBuilder text, String heading, List<CertificateView> certificates) {
        if (certificates.isEmpty()) return;
        text.append(heading).append('\n');
        for (CertificateView c : certificates) {
            text.append("- ").append(c.serviceName()).append(": ").append(c.title()).append(" (").append(c.issuer())
                    .append("), giltigt till och med ").append(c.validUntil())
                    .append(c.daysLeft() < 0 ? ", gick ut för " + -c.daysLeft() + " dagar sedan" : ", " + c.daysLeft() + " dagar kvar")
                    .append(", åtgärd ").append(c.measureIds().stream().map(Object::toString).collect(Collectors.joining(", ")))
                    .append('\n');
        }
        text.append('\n');
    }
}
