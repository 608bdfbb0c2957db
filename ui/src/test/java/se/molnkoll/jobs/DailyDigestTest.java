package se.molnkoll.jobs;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.support.Api;
import se.molnkoll.support.TestClock;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.support.TestClock.TODAY;

/**
 * The daily digest, sent through a real SMTP server (GreenMail) started by the test. The tests share
 * one database, so each works on days far enough apart that the others' certificates stay out of its
 * warning window.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "molnkoll.digest.enabled=true",
        "molnkoll.digest.send-at=07:00",
        "molnkoll.digest.from=molnkoll@vgr.example",
        "molnkoll.digest.contacts[0].organisation-unit=Regionstyrelsen",
        "molnkoll.digest.contacts[0].email=informationssakerhet@vgr.example",
        "molnkoll.digest.contacts[1].organisation-unit=Sahlgrenska Universitetssjukhuset",
        "molnkoll.digest.contacts[1].email=su-it@vgr.example",
        "molnkoll.digest.people[0].user=karin",
        "molnkoll.digest.people[0].email=karin.holm@vgr.example"})
@ActiveProfiles("test")
@Import(TestClock.class)
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class DailyDigestTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false); // running before the Spring context reads its port

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @LocalServerPort
    int port;
    @Autowired
    DailyDigest digest;
    @Autowired
    org.springframework.mail.javamail.JavaMailSenderImpl mailSender;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @org.junit.jupiter.api.BeforeEach
    void emptyMailboxes() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        mailSender.setPort(smtp.getSmtp().getPort());
    }

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.set(TODAY);
    }

    private long claims(LocalDate day) {
        return jdbc.queryForObject("select count(*) from digest_run where digest_day = ?", Long.class, java.sql.Date.valueOf(day));
    }

    private void at(LocalDate day, int hour) {
        TestClock.CLOCK.set(day.atTime(LocalTime.of(hour, 0)).atZone(BusinessDates.ZONE).toInstant());
    }

    private String serviceWithCertificates(String name, String unit, LocalDate... validUntil) {
        Api manager = Api.at(port).as("manager");
        String id = manager.post("/api/services", Map.of("name", name, "vendor", "Moln AB", "serviceModel", "SAAS",
                "organisationUnit", unit, "owner", "Anna")).json().get("id").asText();
        manager.put("/api/services/" + id + "/classification", Map.of("confidentiality", 1, "integrity", 1,
                "availability", 1, "secrecy", false, "personalData", false));
        int measure = 27;
        for (LocalDate until : validUntil) {
            manager.post("/api/services/" + id + "/evidence", Map.of("measureIds", List.of(measure++), "phases", List.of("ACQUIRE"),
                    "kind", "CERTIFICATE", "title", "Certifikat till " + until, "issuer", "Cert AB",
                    "receivedOn", TODAY.minusYears(1).toString(), "validUntil", until.toString()));
        }
        return id;
    }

    @Test
    void each_unit_gets_one_digest_a_day_of_its_expired_and_expiring_certificates() throws Exception {
        at(TODAY.minusYears(1), 12);
        serviceWithCertificates("Samarbetsyta", "Regionstyrelsen", TODAY.minusDays(2), TODAY.plusDays(10), TODAY.plusDays(200));
        serviceWithCertificates("Labbsystem", "Sahlgrenska Universitetssjukhuset", TODAY.plusDays(30));
        serviceWithCertificates("Utan kontakt", "Okänd förvaltning", TODAY.minusDays(1));

        at(TODAY, 6);
        digest.sendIfDue();
        assertThat(smtp.getReceivedMessages()).as("not before 07:00").isEmpty();

        at(TODAY, 8);
        digest.sendIfDue();
        MimeMessage[] sent = smtp.getReceivedMessages();
        assertThat(sent).hasSize(2);
        MimeMessage board = Arrays.stream(sent)
                .filter(m -> recipient(m).equals("informationssakerhet@vgr.example")).findFirst().orElseThrow();
        assertThat(board.getSubject()).isEqualTo("Molnkoll: 1 utgångna och 1 snart utgående certifikat – Regionstyrelsen");
        assertThat(board.getFrom()[0].toString()).isEqualTo("molnkoll@vgr.example");
        String body = (String) board.getContent(); // decoded, as a mail client shows it
        assertThat(body).contains("Samarbetsyta", "Certifikat till " + TODAY.minusDays(2), "gick ut för 2 dagar sedan",
                "Certifikat till " + TODAY.plusDays(10), "10 dagar kvar").doesNotContain("Certifikat till " + TODAY.plusDays(200));
        MimeMessage hospital = Arrays.stream(sent).filter(m -> recipient(m).equals("su-it@vgr.example")).findFirst().orElseThrow();
        assertThat(hospital.getSubject()).contains("0 utgångna och 1 snart utgående");

        digest.sendIfDue();
        at(TODAY, 23);
        digest.sendIfDue();
        assertThat(smtp.getReceivedMessages()).as("once a day").hasSize(2);

        at(TODAY.plusDays(1), 7);
        digest.sendIfDue();
        assertThat(smtp.getReceivedMessages()).as("and again the next day").hasSize(4);
    }

    @Test
    void a_digest_the_mail_server_refuses_is_sent_by_the_next_check() throws Exception {
        LocalDate day = TODAY.plusDays(240);
        at(TODAY.plusDays(230), 12);
        serviceWithCertificates("Ekonomisystem", "Regionstyrelsen", day.plusDays(5));
        at(day, 8);
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            mailSender.setPort(closed.getLocalPort());
        } // nothing listens there now: connection refused
        digest.sendIfDue();
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(claims(day)).as("the claim is released").isZero();

        mailSender.setPort(smtp.getSmtp().getPort());
        digest.sendIfDue();
        assertThat(smtp.getReceivedMessages()).extracting(DailyDigestTest::recipient)
                .contains("informationssakerhet@vgr.example");
    }

    @Test
    void a_claim_left_unsent_is_taken_over_after_15_minutes_but_not_before() throws Exception {
        LocalDate day = TODAY.plusDays(280);
        at(TODAY.plusDays(270), 12);
        serviceWithCertificates("Analysverktyg", "Sahlgrenska Universitetssjukhuset", day.plusDays(3));
        at(day, 9);
        java.sql.Timestamp fiveMinutesAgo = java.sql.Timestamp.from(TestClock.CLOCK.instant().minusSeconds(300));
        jdbc.update("insert into digest_run (digest_day, organisation_unit, recipient, claimed_by, claimed_at) values (?, ?, ?, ?, ?)",
                java.sql.Date.valueOf(day), "Sahlgrenska Universitetssjukhuset", "su-it@vgr.example", "a crashed instance", fiveMinutesAgo);
        digest.sendIfDue();
        assertThat(smtp.getReceivedMessages()).extracting(DailyDigestTest::recipient).doesNotContain("su-it@vgr.example");

        at(day, 9);
        TestClock.CLOCK.set(TestClock.CLOCK.instant().plusSeconds(11 * 60));
        digest.sendIfDue();
        assertThat(smtp.getReceivedMessages()).extracting(DailyDigestTest::recipient).containsOnlyOnce("su-it@vgr.example");
    }

    @Test
    void checks_running_at_the_same_moment_send_each_unit_one_mail() throws Exception {
        LocalDate day = TODAY.plusDays(320);
        at(TODAY.plusDays(310), 12);
        serviceWithCertificates("Intranät", "Regionstyrelsen", day.plusDays(1));
        at(day, 10);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.CompletableFuture<Void>> checks = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> java.util.concurrent.CompletableFuture.runAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    digest.sendIfDue();
                })).toList();
        go.countDown();
        checks.forEach(java.util.concurrent.CompletableFuture::join);
        assertThat(smtp.getReceivedMessages()).extracting(DailyDigestTest::recipient)
                .containsOnlyOnce("informationssakerhet@vgr.example");
    }

    @Test
    void a_unit_is_told_of_its_services_whose_data_goes_beyond_what_their_classification_allows() throws Exception {
        LocalDate day = TODAY.plusYears(6);
        at(day.minusDays(1), 12);
        Api manager = Api.at(port).as("manager");
        String id = manager.post("/api/services", Map.of("name", "Analysplattform", "vendor", "Moln AB", "serviceModel", "SAAS",
                "organisationUnit", "Regionstyrelsen", "owner", "Anna")).json().get("id").asText();
        manager.put("/api/services/" + id + "/classification", Map.of("confidentiality", 1, "integrity", 1,
                "availability", 1, "secrecy", false, "personalData", false, "allowedLocations", List.of("EU/EEA")));
        assertThat(manager.post("/api/services/" + id + "/locations", Map.of("storageCountries", List.of("SE", "US"),
                "declaredOn", day.minusDays(1).toString())).status()).isEqualTo(200);
        at(day, 8);
        digest.sendIfDue();
        MimeMessage board = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipient(m).equals("informationssakerhet@vgr.example")).findFirst().orElseThrow();
        assertThat(board.getSubject()).endsWith(", 1 platskonflikter – Regionstyrelsen");
        assertThat((String) board.getContent()).contains("Platskonflikter (1)", "- Analysplattform: US utanför det klassningen tillåter");
        // the other scenarios' units hear of no conflict: this one is put right
        assertThat(manager.post("/api/services/" + id + "/locations", Map.of("storageCountries", List.of("SE"),
                "declaredOn", day.toString())).status()).isEqualTo(200);
    }

    @Test
    void a_unit_is_warned_of_its_risk_acceptances_that_end_within_the_window_and_only_of_those() throws Exception {
        LocalDate day = TODAY.plusYears(4);
        at(day.minusDays(30), 12);
        Api manager = Api.at(port).as("manager");
        Api riskOwner = Api.at(port).as("riskowner");
        String id = manager.post("/api/services", Map.of("name", "Fakturaflöde", "vendor", "Moln AB", "serviceModel", "SAAS",
                "organisationUnit", "Regionstyrelsen", "owner", "Anna")).json().get("id").asText();
        manager.put("/api/services/" + id + "/classification", Map.of("confidentiality", 1, "integrity", 1,
                "availability", 1, "secrecy", false, "personalData", false));
        for (Object[] acceptance : new Object[][]{{8, day.plusDays(20)}, {9, day.plusDays(100)}}) {
            String proposal = manager.post("/api/services/" + id + "/risk-proposals", Map.of("measureId", acceptance[0],
                    "phase", "ACQUIRE", "residualRisk", "Risk", "motivation", "Låg", "validUntil", acceptance[1].toString()))
                    .json().get("id").asText();
            assertThat(riskOwner.post("/api/services/" + id + "/risk-proposals/" + proposal + "/approval", Map.of()).status())
                    .isEqualTo(200);
        }
        at(day, 8);
        digest.sendIfDue();
        MimeMessage board = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipient(m).equals("informationssakerhet@vgr.example")).findFirst().orElseThrow();
        assertThat(board.getSubject())
                .isEqualTo("Molnkoll: 0 utgångna och 0 snart utgående certifikat, 1 riskacceptanser upphör – Regionstyrelsen");
        String body = (String) board.getContent();
        assertThat(body).contains("Riskacceptanser som upphör inom 60 dagar (1)",
                        "- Fakturaflöde: åtgärd 8 (ANS), accepterad av riskowner, till och med " + day.plusDays(20) + ", 20 dagar kvar",
                        "krävs ett nytt förslag och ett nytt godkännande")
                .doesNotContain("åtgärd 9", "Utgångna", "Går ut inom");
    }

    @Test
    void each_person_gets_their_own_tasks_that_are_due_and_the_unit_its_overdue_ones() throws Exception {
        LocalDate day = TODAY.plusYears(5);
        at(day.minusDays(10), 12);
        Api manager = Api.at(port).as("manager");
        String id = manager.post("/api/services", Map.of("name", "Ärendesystem", "vendor", "Moln AB", "serviceModel", "SAAS",
                "organisationUnit", "Regionstyrelsen", "owner", "Anna")).json().get("id").asText();
        manager.put("/api/services/" + id + "/classification", Map.of("confidentiality", 1, "integrity", 1,
                "availability", 1, "secrecy", false, "personalData", false));
        for (Object[] task : new Object[][]{{27, "karin", day.minusDays(2), "Begär certifikatet"},
                {8, "karin", day.plusDays(3), "Läs revisionsrapporten"}, {9, "karin", day.plusDays(200), "Nästa år"},
                {3, "olle", day.plusDays(1), "Jurisdiktioner"}}) {
            Api.Response assigned = manager.post("/api/services/" + id + "/tasks", Map.of("measureId", task[0], "phase", "ACQUIRE",
                    "assignee", task[1], "dueOn", task[2].toString(), "note", task[3]));
            assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
        }
        at(day, 8);
        digest.sendIfDue();
        MimeMessage karins = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipient(m).equals("karin.holm@vgr.example")).findFirst().orElseThrow();
        assertThat(karins.getSubject()).isEqualTo("Molnkoll: 2 uppgifter att göra, 1 försenade – karin");
        String body = (String) karins.getContent();
        assertThat(body).contains("- Ärendesystem: åtgärd 27 (ANS), klart senast " + day.minusDays(2) + ", försenad 2 dagar – Begär certifikatet",
                        "- Ärendesystem: åtgärd 8 (ANS), klart senast " + day.plusDays(3) + ", 3 dagar kvar – Läs revisionsrapporten")
                .doesNotContain("Nästa år", "Jurisdiktioner");
        assertThat(body.indexOf("åtgärd 27")).as("the overdue one first").isLessThan(body.indexOf("åtgärd 8 "));
        MimeMessage board = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipient(m).equals("informationssakerhet@vgr.example")).findFirst().orElseThrow();
        assertThat(board.getSubject()).endsWith(", 1 försenade uppgifter – Regionstyrelsen");
        assertThat((String) board.getContent()).contains("Försenade uppgifter (1)",
                "- Ärendesystem: åtgärd 27 (ANS), karin, skulle vara klar " + day.minusDays(2));
        // olle has no address: nobody gets his; and each digest goes once a day
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        digest.sendIfDue();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_unit_named_with_a_line_break_stays_on_its_log_line(org.springframework.boot.test.system.CapturedOutput output) {
        LocalDate day = TODAY.plusYears(7);
        at(day.minusYears(1), 12);
        serviceWithCertificates("Radbrytning", "Okänd\nLOGIN_FAILED user=admin address=10.9.9.9", day.minusDays(1));
        at(day, 8);
        digest.sendIfDue();
        assertThat(output.getAll().lines().toList()).noneMatch(line -> line.startsWith("LOGIN_FAILED"))
                .anyMatch(line -> line.contains("of Okänd\\nLOGIN_FAILED user=admin address=10.9.9.9 need attention"));
    }
}
