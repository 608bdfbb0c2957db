package se.molnkoll.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.molnkoll.MolnkollApplication;
import se.molnkoll.jobs.ExpirySweep;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.ServiceModel;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.command.ApproveRiskAcceptance;
import se.molnkoll.kernel.command.ProposeRiskAcceptance;
import se.molnkoll.kernel.command.ExpireEvidence;
import se.molnkoll.kernel.event.EventMetaData;
import org.axonframework.commandhandling.GenericCommandMessage;
import se.molnkoll.kernel.command.RecordEvidence;
import se.molnkoll.kernel.command.RecordProviderChange;
import se.molnkoll.kernel.command.RegisterCloudService;
import se.molnkoll.kernel.command.SetClassification;
import se.molnkoll.kernel.command.StartOperation;
import se.molnkoll.kernel.command.TerminateContract;
import se.molnkoll.kernel.command.WithdrawEvidence;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.Dashboard;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.kernel.query.FindDashboard;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.query.api.ReadModels;
import se.molnkoll.query.api.RebuildStatus;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One run of the benchmark (see README, Performance): a generated portfolio in the PostgreSQL named by
 * SPRING_DATASOURCE_URL/USERNAME/PASSWORD (an empty database: it refuses one that holds events), then
 * the measurements, printed as a table and written to {@code bench/target/results.json}. Nothing is
 * asserted about speed; the run fails only if something does not work.
 */
class PortfolioBenchmark {

    private static final Logger log = LoggerFactory.getLogger(PortfolioBenchmark.class);

    /** How big a run is. */
    record Size(String name, int services, int bigServiceEvents, int months, int commands, int rawRowsPerClient,
                int samples) {
        static Size of(String name) {
            return switch (name) {
                // full: 20 samples of each view, as the dashboard takes seconds at that size (see README)
                case "full" -> new Size("full", 10_000, 10_000, 36, 20_000, 5_000, 20);
                // quick: 200 services (and the big one), the portfolio report's size in issue 25
                case "quick" -> new Size("quick", 200, 1_000, 12, 1_000, 500, 50);
                default -> throw new IllegalArgumentException("bench.size is quick or full, not " + name);
            };
        }

        /**
         * -Dbench.months=N: the size's services over N months of history instead (fewer events, the same portfolio's
         * breadth; the full size over 12 months generates in a third of the time); the big service keeps its events.
         */
        Size months(Integer months) {
            return months == null ? this
                    : new Size(name, services, bigServiceEvents, months, commands, rawRowsPerClient, samples);
        }
    }

    static final int CLIENTS = 8;
    static final List<String> UNITS = List.of("Hälso- och sjukvård", "Tandvård", "HR", "Ekonomi", "IT-avdelningen",
            "Kollektivtrafik", "Kultur", "Regionledningskontoret");
    /** -Dbench.reuse=true: no new portfolio; measure again on the one an earlier run left in the database. */
    static final boolean REUSE = Boolean.getBoolean("bench.reuse");
    static final String ACTOR_PASSWORD = "manager";

    final Size size = Size.of(System.getProperty("bench.size", "quick")).months(Integer.getInteger("bench.months"));
    /** The benchmark's own time; the application gets a clock the generator moves (see BenchClock). */
    final Clock wall = Clock.systemUTC();
    BenchClock clock;
    final Map<String, Object> results = new LinkedHashMap<>();
    final List<String[]> table = new ArrayList<>();

    String url;
    String user;
    String password;

    @Test
    void run() throws Exception {
        url = env("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/molnkoll_bench");
        user = env("SPRING_DATASOURCE_USERNAME", "postgres");
        password = env("SPRING_DATASOURCE_PASSWORD", "");
        results.put("size", size.name());
        results.put("months", size.months());
        results.put("machine", machine());

        rawInserts();

        clock = new BenchClock(wall.instant().minus(Duration.ofDays(size.months() * 31L + 10)), BusinessDates.ZONE);
        long start = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MolnkollApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run("--spring.profiles.active=postgres", "--server.port=0", "--molnkoll.demo-users=true",
                        "--molnkoll.scheduling.enabled=false", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                        "--logging.level.org.axonframework=WARN")) {
            double startup = (System.nanoTime() - start) / 1e9;
            results.put("startupSeconds", round(startup));
            row("Start of the application", "%.1f s".formatted(startup), "");

            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Long existing = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
            Generated portfolio;
            if (REUSE) {
                assertThat(existing).as("bench.reuse needs a portfolio an earlier run generated in " + url).isPositive();
                portfolio = earlier(jdbc);
            } else {
                assertThat(existing).as("the benchmark needs an empty database (it found events in " + url
                        + "; -Dbench.reuse=true measures again on the portfolio an earlier run left there)").isZero();
                portfolio = generate(app, clock);
            }
            clock.runAs(wall); // from now on the application's time runs as the wall clock's
            awaitProjections(jdbc, app);
            vacuumedAsAutovacuumWould(jdbc);
            long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
            results.put("services", portfolio.services().size() + 1);
            results.put("events", events);
            row("Portfolio", (portfolio.services().size() + 1) + " services, " + events + " events", REUSE
                    ? "left by an earlier run" : "generated in %.0f s".formatted(portfolio.seconds()));

            // each measurement starts with the read models caught up, so none pays for the one before
            commandsThroughTheGateway(app, portfolio);
            awaitProjections(jdbc, app);
            commandsOverHttp(app, portfolio);
            awaitProjections(jdbc, app);
            views(app, portfolio);
            registerPages(app);
            rebuild(app, portfolio);
            awaitProjections(jdbc, app);
            reports(app, portfolio);
            imports(app);
            memory();
        }
        print();
        write();
    }

    // ---- the physical reference --------------------------------------------------------------

    /** Plain JDBC inserts of rows shaped like the event table, one per transaction, 8 clients. */
    void rawInserts() throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute("drop table if exists bench_raw_event");
            c.createStatement().execute("create table bench_raw_event (global_index bigserial primary key,"
                    + " event_identifier varchar(255) not null unique, aggregate_identifier varchar(255) not null,"
                    + " sequence_number bigint not null, type varchar(255), time_stamp varchar(255) not null,"
                    + " payload_type varchar(255) not null, payload_revision varchar(255), payload bytea not null,"
                    + " meta_data bytea, unique (aggregate_identifier, sequence_number))");
        }
        byte[] payload = ("{\"cloudServiceId\":\"" + UUID.randomUUID() + "\",\"evidenceId\":\"" + UUID.randomUUID()
                + "\",\"measureIds\":[27,38],\"phases\":[\"ACQUIRE\"],\"kind\":\"CERTIFICATE\",\"title\":\"ISO/IEC 27001\","
                + "\"issuer\":\"Certifieringsorgan AB\",\"receivedOn\":\"2026-01-01\",\"validUntil\":\"2027-01-01\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] meta = "{\"actor\":\"manager\",\"correlationId\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        int rows = size.rawRowsPerClient();
        long start = System.nanoTime();
        parallel(CLIENTS, client -> {
            try (Connection c = DriverManager.getConnection(url, user, password);
                 PreparedStatement insert = c.prepareStatement("insert into bench_raw_event (event_identifier,"
                         + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload, meta_data)"
                         + " values (?, ?, ?, 'CloudService', ?, 'se.molnkoll.kernel.event.EvidenceReceived', ?, ?)")) {
                c.setAutoCommit(true); // one row per transaction, as one command appends one event
                String aggregate = UUID.randomUUID().toString();
                for (int i = 0; i < rows; i++) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, aggregate);
                    insert.setLong(3, i);
                    insert.setString(4, wall.instant().toString());
                    insert.setBytes(5, payload);
                    insert.setBytes(6, meta);
                    insert.executeUpdate();
                }
            }
            return null;
        });
        double perSecond = CLIENTS * rows / ((System.nanoTime() - start) / 1e9);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute("drop table bench_raw_event");
        }
        results.put("rawInsertsPerSecond", round(perSecond));
        row("Raw JDBC inserts (8 clients, 1 row/tx)", "%.0f rows/s".formatted(perSecond), "the physical reference");
    }

    // ---- the portfolio ---------------------------------------------------------------------------

    record Generated(List<CloudServiceId> services, CloudServiceId big, Instant before, double seconds) {
    }

    /**
     * Services registered and classified three years ago (quick: a year), their contracts recorded,
     * in operation; then month by month a certificate renewal each (the old one lapsing and expiring),
     * every third month an audit report each, now and then a withdrawal; some risk acceptances, provider changes and terminations. One service
     * gets far more evidence than the rest.
     */
    Generated generate(ConfigurableApplicationContext app, BenchClock clock) throws Exception {
        CommandGateway commands = app.getBean(CommandGateway.class);
        MeasureCatalogue catalogue = app.getBean(MeasureCatalogue.class);
        // per service, its evidence that will lapse: (evidence id, valid until); each service is always on the same client
        Map<CloudServiceId, List<Object[]>> lapsing = new java.util.concurrent.ConcurrentHashMap<>();
        long start = System.nanoTime();
        Instant t0 = clock.instant();
        List<CloudServiceId> services = new ArrayList<>();
        for (int i = 0; i < size.services(); i++) services.add(CloudServiceId.random());
        CloudServiceId big = CloudServiceId.random();
        List<CloudServiceId> all = new ArrayList<>(services);
        all.add(big);
        all.forEach(id -> lapsing.put(id, new ArrayList<>()));
        String[] units = UNITS.toArray(String[]::new);

        // registered, classified, contract, operation
        forEach(all, (id, i) -> {
            commands.sendAndWait(new RegisterCloudService(id, "Tjänst " + i, "Leverantör " + (i % 97) + " AB",
                    ServiceModel.values()[i % 3], units[i % units.length], "Ägare " + (i % 50)));
            Classification c = new Classification(i % 5, (i / 5) % 5, (i / 25) % 5, i % 7 == 0, i % 2 == 0,
                    List.of("EU/EEA"), null, "Beslut " + i);
            commands.sendAndWait(new SetClassification(id, c));
            Set<MeasureId> contract = new TreeSet<>();
            for (Phase phase : EnumSet.of(Phase.ACQUIRE, Phase.OPERATE)) {
                catalogue.applicablePairs(c, phase).stream().map(MeasurePhase::measureId).forEach(contract::add);
            }
            // in operation, measures 38 and 6 rest on the certificates and audit reports below, not on the contract
            contract.removeAll(Set.of(new MeasureId(38), new MeasureId(6)));
            LocalDate day = BusinessDates.dateOf(clock.instant());
            commands.sendAndWait(new RecordEvidence(id, EvidenceId.random(), contract, EnumSet.of(Phase.ACQUIRE, Phase.OPERATE),
                    EvidenceKind.CONTRACT_CLAUSE, "Avtal", "Leverantör AB", day, null, null, null, null));
            if (catalogue.applicablePairs(c, Phase.ACQUIRE).contains(MeasurePhase.of(38, Phase.ACQUIRE))) {
                commands.sendAndWait(new RecordEvidence(id, EvidenceId.random(), Set.of(new MeasureId(38)),
                        EnumSet.of(Phase.ACQUIRE), EvidenceKind.CONTRACT_CLAUSE, "Uppföljning av leveransen", "Leverantör AB",
                        day, null, null, null, null));
            }
            commands.sendAndWait(new StartOperation(id));
        });

        Instant before = null;
        int bigPerMonth = Math.max(0, (size.bigServiceEvents() - 4) / size.months() / 2);
        for (int month = 1; month <= size.months(); month++) {
            clock.set(t0.plus(Duration.ofDays(30L * month)));
            if (month == size.months() / 2) before = clock.instant();
            LocalDate day = BusinessDates.dateOf(clock.instant());
            int m = month;
            forEach(all, (id, i) -> {
                // what lapsed since last month has its expiry recorded: the command the expiry sweep sends
                List<Object[]> ofService = lapsing.get(id);
                for (var it = ofService.iterator(); it.hasNext(); ) {
                    Object[] evidence = it.next();
                    if (((LocalDate) evidence[1]).isBefore(day)) {
                        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ExpireEvidence(id, (EvidenceId) evidence[0]))
                                .andMetaData(Map.of(EventMetaData.ACTOR, ExpirySweep.ACTOR)));
                        it.remove();
                    }
                }
                // a monthly certificate for supervision of the delivery (measure 38), valid 40 days
                EvidenceId certificate = EvidenceId.random();
                commands.sendAndWait(new RecordEvidence(id, certificate, Set.of(new MeasureId(38)), EnumSet.of(Phase.OPERATE),
                        EvidenceKind.CERTIFICATE, "Leveransintyg " + m, "Revisor AB", day, day, day.plusDays(40), null, null));
                if ((i + m) % 6 == 0) {
                    commands.sendAndWait(new WithdrawEvidence(id, certificate, "Ersatt"));
                } else {
                    ofService.add(new Object[]{certificate, day.plusDays(40)});
                }
                // a quarterly audit report on IT security in operation (measure 6), valid 100 days
                if ((i + m) % 3 == 0) {
                    EvidenceId report = EvidenceId.random();
                    commands.sendAndWait(new RecordEvidence(id, report, Set.of(new MeasureId(6)),
                            EnumSet.of(Phase.OPERATE), EvidenceKind.AUDIT_REPORT, "Granskningsrapport " + m, "Revisor AB",
                            day, day, day.plusDays(100), null, null));
                    ofService.add(new Object[]{report, day.plusDays(100)});
                }
                if (m == 2 && i % 10 == 0) {
                    // proposed by a contract manager, signed by a risk owner
                    String proposal = java.util.UUID.randomUUID().toString();
                    commands.sendAndWait(new ProposeRiskAcceptance(id, proposal, new MeasureId(38), Phase.OPERATE,
                            "Ingen oberoende granskning", "Låg risk", day.plusMonths(6), "manager"));
                    commands.sendAndWait(new ApproveRiskAcceptance(id, proposal, "riskowner", null));
                }
                if (m == 3 && i % 10 == 1) {
                    commands.sendAndWait(new RecordProviderChange(id, "Ny underleverantör", day));
                }
                if (m == size.months() && i % 10 == 2) {
                    commands.sendAndWait(new TerminateContract(id, day, "Upphandlas på nytt"));
                }
            });
            // the big service: far more evidence, each withdrawn again
            parallel(1, ignored -> {
                for (int k = 0; k < bigPerMonth; k++) {
                    EvidenceId e = EvidenceId.random();
                    commands.sendAndWait(new RecordEvidence(big, e, Set.of(new MeasureId(27)), EnumSet.of(Phase.ACQUIRE),
                            EvidenceKind.AUDIT_REPORT, "Rapport " + m + "-" + k, "Revisor AB", day, null, null, null, null));
                    commands.sendAndWait(new WithdrawEvidence(big, e, "Ersatt"));
                }
                return null;
            });
            log.info("Generated month {} of {} after {} s", month, size.months(), (System.nanoTime() - start) / 1_000_000_000);
        }
        return new Generated(services, big, before, (System.nanoTime() - start) / 1e9);
    }

    /**
     * The portfolio an earlier run generated: the service with the most events is the big one, and
     * the past moment is the recorded time of the middle event (the generator's is half-way too).
     */
    Generated earlier(JdbcTemplate jdbc) {
        List<String> ids = jdbc.queryForList("select aggregate_identifier from domain_event_entry"
                + " group by aggregate_identifier order by count(*) desc, aggregate_identifier", String.class);
        long middle = jdbc.queryForObject("select count(*) / 2 from domain_event_entry", Long.class);
        Instant before = Instant.parse(jdbc.queryForObject("select time_stamp from domain_event_entry"
                + " order by global_index offset ? limit 1", String.class, middle));
        return new Generated(ids.subList(1, ids.size()).stream().map(CloudServiceId::of).toList(),
                CloudServiceId.of(ids.get(0)), before, 0);
    }

    /**
     * A PostgreSQL in use vacuums and analyses its tables as they change (autovacuum, on by default).
     * Where it is off, as on the machine the README's numbers come from, the portfolio would be measured
     * with every row version a million events left behind and no statistics: the benchmark does once,
     * before it measures, what autovacuum would have done by then.
     */
    void vacuumedAsAutovacuumWould(JdbcTemplate jdbc) {
        if ("on".equals(jdbc.queryForObject("show autovacuum", String.class))) {
            return;
        }
        long start = System.nanoTime();
        jdbc.execute("vacuum analyze");
        row("VACUUM ANALYZE (autovacuum is off here)", "%.0f s".formatted((System.nanoTime() - start) / 1e9),
                "what autovacuum would have done, once, before the measurements");
    }

    // ---- commands ------------------------------------------------------------------------------

    void commandsThroughTheGateway(ConfigurableApplicationContext app, Generated portfolio) throws Exception {
        CommandGateway commands = app.getBean(CommandGateway.class);
        Latencies latencies = new Latencies(size.commands());
        double perSecond = measureCommands(portfolio, latencies, (service, n) -> {
            LocalDate day = BusinessDates.today(clock);
            commands.sendAndWait(new RecordEvidence(service, EvidenceId.random(), Set.of(new MeasureId(38)),
                    EnumSet.of(Phase.OPERATE), EvidenceKind.CERTIFICATE, "Gateway " + n, "Revisor AB", day, day,
                    day.plusYears(1), null, null));
        });
        results.put("gatewayCommandsPerSecond", round(perSecond));
        results.put("gatewayCommandP99Ms", round(latencies.percentile(99)));
        row("RecordEvidence via the command gateway (8 clients)", "%.0f commands/s".formatted(perSecond),
                "p50 %.1f ms, p99 %.1f ms".formatted(latencies.percentile(50), latencies.percentile(99)));
    }

    void commandsOverHttp(ConfigurableApplicationContext app, Generated portfolio) throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("manager:" + ACTOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
        Latencies latencies = new Latencies(size.commands());
        Command overHttp = (service, n) -> {
            String day = BusinessDates.today(clock).toString();
            String body = "{\"measureIds\":[38],\"phases\":[\"OPERATE\"],\"kind\":\"CERTIFICATE\",\"title\":\"HTTP " + n
                    + "\",\"issuer\":\"Revisor AB\",\"receivedOn\":\"" + day + "\",\"validFrom\":\"" + day + "\"}";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/services/" + service.value() + "/evidence"))
                    .header("Authorization", basic).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) throw new IllegalStateException(response.statusCode() + " " + response.body());
        };
        double cold = warmUp(portfolio, overHttp);
        double perSecond = measureCommands(portfolio, latencies, overHttp);
        double raw = ((Number) results.get("rawInsertsPerSecond")).doubleValue();
        results.put("commandsPerSecond", round(perSecond));
        results.put("commandP99Ms", round(latencies.percentile(99)));
        results.put("commandThroughputRatio", Math.round(perSecond / raw * 1000) / 1000.0);
        results.put("commandsPerSecondWarmingUp", round(cold));
        row("RecordEvidence over HTTP, Basic auth (8 clients)", "%.0f commands/s".formatted(perSecond),
                "p50 %.1f ms, p99 %.1f ms; %.1f%% of raw; %.0f/s while warming up".formatted(latencies.percentile(50),
                        latencies.percentile(99), 100 * perSecond / raw, cold));
    }

    /**
     * The same commands, untimed, for {@code bench.warmup-seconds} (30) before they are measured. The gateway's path is
     * warm from generating the portfolio; the web layer's (Tomcat, Spring Security, Spring MVC, Jackson) is not, and on
     * two cores the JIT compiler took about a minute of this load to reach a steady rate (42 commands/s in the first 15
     * s, 190 after 75 s). Without it the quick size measured mostly the compiler. Answers the rate while warming up.
     */
    double warmUp(Generated portfolio, Command command) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 30)).toNanos();
        AtomicInteger sent = new AtomicInteger();
        long start = System.nanoTime();
        eachClient(portfolio, k -> System.nanoTime() < until, service -> command.send(service, -sent.incrementAndGet()));
        return sent.get() / ((System.nanoTime() - start) / 1e9);
    }

    interface Command {
        void send(CloudServiceId service, int n) throws Exception;
    }

    /** 8 clients, each on its own services (as managers work on different services), timing each command. */
    double measureCommands(Generated portfolio, Latencies latencies, Command command) throws Exception {
        AtomicInteger sent = new AtomicInteger();
        int perClient = size.commands() / CLIENTS;
        long start = System.nanoTime();
        eachClient(portfolio, k -> k < perClient, service -> {
            long t = System.nanoTime();
            command.send(service, sent.incrementAndGet());
            latencies.add(System.nanoTime() - t);
        });
        return perClient * CLIENTS / ((System.nanoTime() - start) / 1e9);
    }

    interface Step {
        void take(CloudServiceId service) throws Exception;
    }

    /** The 8 clients at once, client c on services c, c + 8, c + 16, … for as long as {@code goOn} says of its k-th step. */
    void eachClient(Generated portfolio, java.util.function.IntPredicate goOn, Step step) throws Exception {
        parallel(CLIENTS, client -> {
            for (int k = 0; goOn.test(k); k++) {
                step.take(portfolio.services().get((client + k * CLIENTS) % portfolio.services().size()));
            }
            return null;
        });
    }

    // ---- reads ---------------------------------------------------------------------------------

    void views(ConfigurableApplicationContext app, Generated portfolio) {
        QueryGateway queries = app.getBean(QueryGateway.class);
        Latencies current = new Latencies(size.samples());
        Latencies asOf = new Latencies(size.samples());
        Latencies dashboard = new Latencies(size.samples());
        Latencies dashboardAsOf = new Latencies(size.samples());
        Moment past = Moment.knownAt(portfolio.before());
        for (int i = 0; i < size.samples() + 5; i++) {
            boolean warm = i < 5;
            time(warm ? null : current, () -> queries.query(new FindCloudService(portfolio.big(), Moment.NOW),
                    ResponseTypes.optionalInstanceOf(CloudServiceView.class)).join().orElseThrow());
            time(warm ? null : asOf, () -> queries.query(new FindCloudService(portfolio.big(), past),
                    ResponseTypes.optionalInstanceOf(CloudServiceView.class)).join().orElseThrow());
            time(warm ? null : dashboard, () -> queries.query(new FindDashboard(60, Moment.NOW),
                    ResponseTypes.instanceOf(Dashboard.class)).join());
            time(warm ? null : dashboardAsOf, () -> queries.query(new FindDashboard(60, past),
                    ResponseTypes.instanceOf(Dashboard.class)).join());
        }
        results.put("currentViewP95Ms", round(current.percentile(95)));
        results.put("asOfP95Ms", round(asOf.percentile(95)));
        results.put("asOfRatio", round(asOf.percentile(95) / current.percentile(95)));
        results.put("dashboardP95Ms", round(dashboard.percentile(95)));
        results.put("dashboardAsOfP95Ms", round(dashboardAsOf.percentile(95)));
        row("The big service today (query)", "p50 %.1f ms, p95 %.1f ms".formatted(current.percentile(50), current.percentile(95)), "");
        row("The big service as of a past moment", "p50 %.1f ms, p95 %.1f ms".formatted(asOf.percentile(50), asOf.percentile(95)),
                "%.2f× today's".formatted(asOf.percentile(95) / current.percentile(95)));
        row("Dashboard today", "p50 %.1f ms, p95 %.1f ms".formatted(dashboard.percentile(50), dashboard.percentile(95)), "");
        row("Dashboard as of a past date", "p50 %.1f ms, p95 %.1f ms".formatted(dashboardAsOf.percentile(50),
                dashboardAsOf.percentile(95)), "");
    }

    /**
     * A page of the register (50 services) over HTTP as the register page and API clients ask for it: by each sort, both
     * ways, with a text search, a unit, the expired, open and conflict filters and a page in the middle; p95 over them all.
     */
    void registerPages(ConfigurableApplicationContext app) throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("manager:" + ACTOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
        List<String> queries = List.of("", "sort=vendor", "sort=unit&dir=desc", "sort=phase", "sort=open&dir=desc", "q=tj",
                "unit=" + java.net.URLEncoder.encode(UNITS.get(0), StandardCharsets.UTF_8), "expired=true", "open=true",
                "conflict=true", "page=40", "phase=OPERATE&sort=open");
        Latencies latencies = new Latencies(size.samples() * queries.size());
        for (int i = 0; i < size.samples() + 2; i++) {
            for (String query : queries) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/services?size=50&" + query))
                        .header("Authorization", basic).GET().build();
                long t = System.nanoTime();
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) throw new IllegalStateException(query + " answered " + answer.statusCode());
                if (i >= 2) latencies.add(System.nanoTime() - t);
            }
        }
        results.put("registerPageP95Ms", round(latencies.percentile(95)));
        row("A page of the register (50 services; 12 filters and sorts, HTTP)", "p50 %.1f ms, p95 %.1f ms".formatted(
                latencies.percentile(50), latencies.percentile(95)), "");
    }

    static void time(Latencies into, Runnable read) {
        long t = System.nanoTime();
        read.run();
        if (into != null) into.add(System.nanoTime() - t);
    }

    // ---- rebuild and memory --------------------------------------------------------------------

    /**
     * A rebuild of every read model while a reader asks for a page of the register and the big service's view over
     * HTTP throughout: events per second, and the reads' p95 during the rebuild against their p95 just before it, with
     * the reads that failed or saw fewer services than the portfolio has (an empty or partial read model).
     */
    void rebuild(ConfigurableApplicationContext app, Generated portfolio) throws Exception {
        ReadModels readModels = app.getBean(ReadModels.class);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("manager:" + ACTOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        long services = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/services?size=1"))
                .header("Authorization", basic).GET().build(), HttpResponse.BodyHandlers.ofString()).body()).get("totalServices").asLong();
        AtomicInteger errors = new AtomicInteger();
        // each read is timed as a whole (the target) and by kind, so that a slower one can be told from the other
        record Read(long pageNanos, long bigNanos) {
            long nanos() {
                return pageNanos + bigNanos;
            }
        }
        java.util.function.Supplier<Read> read = () -> {
            long t = System.nanoTime();
            long pageDone = t;
            try {
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/services?size=50"))
                        .header("Authorization", basic).GET().build(), HttpResponse.BodyHandlers.ofString());
                pageDone = System.nanoTime();
                HttpResponse<String> big = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/services/"
                        + portfolio.big().value())).header("Authorization", basic).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (page.statusCode() != 200 || big.statusCode() != 200
                        || json.readTree(page.body()).get("totalServices").asLong() < services) {
                    errors.incrementAndGet();
                }
            } catch (Exception e) {
                errors.incrementAndGet();
            }
            long end = System.nanoTime();
            return new Read(pageDone - t, end - pageDone);
        };
        record Window(Latencies reads, Latencies pages, Latencies big) {
            Window(int capacity) {
                this(new Latencies(capacity), new Latencies(capacity), new Latencies(capacity));
            }

            void add(Read read) {
                reads.add(read.nanos());
                pages.add(read.pageNanos());
                big.add(read.bigNanos());
            }
        }
        Window before = new Window(size.samples() * 2);
        for (int i = 0; i < size.samples() * 2 + 5; i++) {
            Read one = read.get();
            if (i >= 5) before.add(one);
        }
        Window during = new Window(1_000_000);
        java.util.concurrent.atomic.AtomicBoolean rebuilding = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (rebuilding.get()) during.add(read.get());
        }, "bench-reader");
        long gcBefore = collectionMillis();
        long start = System.nanoTime();
        readModels.rebuild("bench");
        reader.start();
        Awaitility.await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> !readModels.rebuildStatus().isRunning());
        double seconds = (System.nanoTime() - start) / 1e9;
        double gcSeconds = (collectionMillis() - gcBefore) / 1e3;
        rebuilding.set(false);
        reader.join();
        RebuildStatus status = readModels.rebuildStatus();
        assertThat(status.state()).as(status.toString()).isEqualTo(RebuildStatus.State.DONE);
        double perSecond = status.eventsTotal() / seconds;
        results.put("rebuildEventsPerSecond", round(perSecond));
        results.put("readsBeforeRebuildP95Ms", round(before.reads().percentile(95)));
        results.put("readsDuringRebuildP95Ms", round(during.reads().percentile(95)));
        results.put("readsDuringRebuildErrors", errors.get());
        results.put("registerPageBeforeRebuildP95Ms", round(before.pages().percentile(95)));
        results.put("registerPageDuringRebuildP95Ms", round(during.pages().percentile(95)));
        results.put("bigServiceBeforeRebuildP95Ms", round(before.big().percentile(95)));
        results.put("bigServiceDuringRebuildP95Ms", round(during.big().percentile(95)));
        results.put("garbageCollectionDuringRebuildSeconds", round(gcSeconds));
        row("Rebuild of every read model from scratch", "%.0f events/s".formatted(perSecond),
                "%d events in %.1f s; %.1f s of it in garbage collection".formatted(status.eventsTotal(), seconds, gcSeconds));
        row("Reads during the rebuild (a register page and the big service, HTTP)", "p95 %.1f ms (%.1f ms before)".formatted(
                during.reads().percentile(95), before.reads().percentile(95)), "%d errors or partial answers in %d reads; page %.1f ms"
                .formatted(errors.get(), during.reads().count(), during.pages().percentile(95)) + " (%.1f before), big service %.1f ms (%.1f before)"
                .formatted(before.pages().percentile(95), during.big().percentile(95), before.big().percentile(95)));
    }

    /** Milliseconds this JVM has spent in garbage collection so far, by all its collectors. */
    static long collectionMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /**
     * Importing a register from a workbook over HTTP (README: Import): 500 services (and, at full size,
     * 10,000), each with a classification: the preview's and the import's rows per second, and the most heap
     * the two used above what was in use before (sampled every 10 ms, after a GC).
     */
    void imports(ConfigurableApplicationContext app) throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("manager:" + ACTOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
        // -Dbench.importRows=500,10000 measures those sizes at any bench.size
        String asked = System.getProperty("bench.importRows", size.name().equals("full") ? "500,10000" : "500");
        List<Integer> sizes = java.util.Arrays.stream(asked.split(",")).map(String::strip).map(Integer::valueOf).toList();
        for (int rows : sizes) {
            byte[] workbook = register(rows);
            HeapPeak heap = HeapPeak.start();
            long start = System.nanoTime();
            HttpResponse<String> preview = http.send(multipart(port, "/api/imports/preview", basic, workbook),
                    HttpResponse.BodyHandlers.ofString());
            if (preview.statusCode() != 200) throw new IllegalStateException(preview.statusCode() + " " + preview.body());
            double previewSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            HttpResponse<String> started = http.send(multipart(port, "/api/imports", basic, workbook),
                    HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 202) throw new IllegalStateException(started.statusCode() + " " + started.body());
            String run = started.headers().firstValue("Location").orElseThrow();
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            String state = org.awaitility.Awaitility.await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(50))
                    .until(() -> json.readTree(http.send(HttpRequest.newBuilder(URI.create(run)).header("Authorization", basic)
                            .GET().build(), HttpResponse.BodyHandlers.ofString()).body()).get("state").asText(),
                            current -> !current.equals("RUNNING"));
            double importSeconds = (System.nanoTime() - start) / 1e9;
            double peakMb = heap.stopMb();
            if (!state.equals("DONE")) throw new IllegalStateException("The import of " + rows + " rows ended " + state);
            results.put("import" + rows + "PreviewRowsPerSecond", round(rows / previewSeconds));
            results.put("import" + rows + "RowsPerSecond", round(rows / importSeconds));
            results.put("import" + rows + "PeakHeapMb", round(peakMb));
            row("Import of %,d services (XLSX, classified)".formatted(rows),
                    "%.0f rows/s (preview %.0f rows/s)".formatted(rows / importSeconds, rows / previewSeconds),
                    "%.1f s; heap at most %.0f MB above before".formatted(importSeconds, peakMb));
        }
    }

    /**
     * The reports over HTTP as a manager asks for them: the portfolio report of the whole portfolio (PDF and XLSX, with
     * its 12 month ends), the report of the service with the most events and its evidence package, and the evidence
     * package of a service with 200 MB of documents; each the time of
     * the whole answer (median of 5 after one warm-up; of 2 for the package of 200 MB) and how far the heap rose above where it was before.
     */
    void reports(ConfigurableApplicationContext app, Generated portfolio) throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("manager:" + ACTOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
        String big = portfolio.big().value();
        Map<String, String> reports = new LinkedHashMap<>();
        reports.put("portfolioReportPdf", "/api/reports/portfolio?format=pdf");
        reports.put("portfolioReportXlsx", "/api/reports/portfolio?format=xlsx");
        reports.put("serviceReportPdf", "/api/services/" + big + "/report");
        reports.put("evidencePackageZip", "/api/services/" + big + "/evidence-package");
        reports.put("evidencePackageLargeZip", "/api/services/" + withLargeDocuments(http, port, basic, portfolio.services().get(0))
                + "/evidence-package");
        for (Map.Entry<String, String> report : reports.entrySet()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + report.getValue()))
                    .header("Authorization", basic).GET().build();
            int samples = report.getKey().equals("evidencePackageLargeZip") ? 2 : 5; // 200 MB read each time
            Latencies latencies = new Latencies(samples);
            long bytes = 0;
            HeapPeak heap = null;
            for (int i = 0; i <= samples; i++) {
                if (i == 1) heap = HeapPeak.start(); // after the warm-up
                long start = System.nanoTime();
                // counted as it arrives: this JVM is also the application's, whose heap is measured
                HttpResponse<java.io.InputStream> answer = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                if (answer.statusCode() != 200) throw new IllegalStateException(report.getValue() + " answered " + answer.statusCode());
                try (java.io.InputStream body = answer.body()) {
                    bytes = body.transferTo(java.io.OutputStream.nullOutputStream());
                }
                if (i > 0) latencies.add(System.nanoTime() - start);
            }
            double peakMb = heap.stopMb();
            results.put(report.getKey() + "Ms", round(latencies.percentile(50)));
            results.put(report.getKey() + "PeakHeapMb", round(peakMb));
            row("Report " + (report.getKey().equals("evidencePackageLargeZip")
                            ? report.getValue().replaceAll("/api/services/[^/]+", "/api/services/{200 MB of documents}")
                            : report.getValue().replace(big, "{most events}")),
                    "p50 %.0f ms, %,d bytes".formatted(latencies.percentile(50), bytes),
                    "heap at most %.0f MB above before".formatted(peakMb));
        }
    }

    static final int LARGE_DOCUMENTS = 25;
    static final int LARGE_DOCUMENT_BYTES = 8 * 1024 * 1024;

    /**
     * Attaches {@value #LARGE_DOCUMENTS} documents of 8 MB (200 MB in all, bytes that do not compress) to the service,
     * each to evidence of its own, so that its evidence package is far larger than the heap could hold twice.
     */
    String withLargeDocuments(HttpClient http, int port, String basic, CloudServiceId service) throws Exception {
        java.util.Random bytes = new java.util.Random(25);
        String day = BusinessDates.today(clock).toString();
        for (int i = 0; i < LARGE_DOCUMENTS; i++) {
            String body = "{\"measureIds\":[38],\"phases\":[\"OPERATE\"],\"kind\":\"AUDIT_REPORT\",\"title\":\"Revisionsbilaga " + i
                    + "\",\"issuer\":\"Revisor AB\",\"receivedOn\":\"" + day + "\"}";
            HttpResponse<String> recorded = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/services/" + service.value() + "/evidence"))
                    .header("Authorization", basic).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (recorded.statusCode() != 201) throw new IllegalStateException(recorded.statusCode() + " " + recorded.body());
            String evidence = new ObjectMapper().readTree(recorded.body()).get("id").asText();
            byte[] pdf = new byte[LARGE_DOCUMENT_BYTES];
            bytes.nextBytes(pdf);
            for (int b = 0; b < pdf.length; b++) pdf[b] = (byte) (pdf[b] | 0x80); // no ASCII: nothing a polyglot check looks for
            byte[] head = ("%PDF-1.4\n% bilaga " + i + "\n").getBytes(StandardCharsets.US_ASCII);
            byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(head, 0, pdf, 0, head.length);
            System.arraycopy(tail, 0, pdf, pdf.length - tail.length, tail.length);
            HttpResponse<String> attached = http.send(multipart(port, "/api/services/" + service.value() + "/evidence/" + evidence
                    + "/document", basic, pdf, "revisionsbilaga-" + i + ".pdf", "application/pdf"), HttpResponse.BodyHandlers.ofString());
            if (attached.statusCode() != 201) throw new IllegalStateException(attached.statusCode() + " " + attached.body());
        }
        return service.value();
    }

    /** The heap's highest use while something runs, above where it was when sampling started (after a collection). */
    static final class HeapPeak {
        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicBoolean sampling = new java.util.concurrent.atomic.AtomicBoolean(true);
        private final long baseline;
        private final Thread sampler;

        private HeapPeak() {
            var memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            baseline = memory.getHeapMemoryUsage().getUsed();
            peak.set(baseline);
            sampler = new Thread(() -> {
                while (sampling.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(10); // the sampling period: nothing to wait for
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
        }

        static HeapPeak start() {
            return new HeapPeak();
        }

        /** Stops sampling; the peak above the baseline in MB. */
        double stopMb() throws InterruptedException {
            sampling.set(false);
            sampler.join();
            return (peak.get() - baseline) / 1024.0 / 1024.0;
        }
    }

    /** A register as a region keeps it: key, name, vendor, model, unit, owner and a classification. */
    static byte[] register(int rows) throws IOException {
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook book = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100);
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.createSheet("Tjänster");
            List<String> headers = List.of("Beteckning", "Namn", "Leverantör", "Tjänstemodell", "Organisationsenhet", "Ägare",
                    "Konfidentialitet", "Riktighet", "Tillgänglighet", "Personuppgifter");
            var header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) header.createCell(c).setCellValue(headers.get(c));
            String batch = UUID.randomUUID().toString().substring(0, 6);
            for (int i = 1; i <= rows; i++) {
                var row = sheet.createRow(i);
                row.createCell(0).setCellValue("BENCH-" + batch + "-" + i);
                row.createCell(1).setCellValue("Importerad tjänst " + i);
                row.createCell(2).setCellValue("Leverantör " + (i % 97) + " AB");
                row.createCell(3).setCellValue(i % 3 == 0 ? "PaaS" : "SaaS");
                row.createCell(4).setCellValue("Enhet " + (i % 12));
                row.createCell(5).setCellValue("Ägare " + (i % 40));
                row.createCell(6).setCellValue(i % 4);
                row.createCell(7).setCellValue(i % 3);
                row.createCell(8).setCellValue(i % 2 + 1);
                row.createCell(9).setCellValue(i % 2 == 0 ? "ja" : "nej");
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        }
    }

    static HttpRequest multipart(int port, String path, String basic, byte[] file) {
        return multipart(port, path, basic, file, "register.xlsx", "application/octet-stream");
    }

    static HttpRequest multipart(int port, String path, String basic, byte[] file, String fileName, String type) {
        String boundary = "bench-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", basic)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    void memory() throws IOException {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        double heapMb = (runtime.totalMemory() - runtime.freeMemory()) / 1024.0 / 1024.0;
        double rssMb = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Double.parseDouble(l.replaceAll("[^0-9]", "")) / 1024.0).findFirst().orElse(Double.NaN);
        results.put("rssMb", round(rssMb));
        results.put("heapUsedMb", round(heapMb));
        row("Memory after the load", "RSS %.0f MB, heap used %.0f MB".formatted(rssMb, heapMb),
                "the benchmark's own JVM, which also generates the load");
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** Until every read model shows the newest event (the store's last one belongs to some service); at most 2 hours. */
    void awaitProjections(JdbcTemplate jdbc, ConfigurableApplicationContext app) {
        String newest = jdbc.queryForObject("select aggregate_identifier from domain_event_entry"
                + " order by global_index desc limit 1", String.class);
        ReadModels readModels = app.getBean(ReadModels.class);
        for (int i = 0; i < 720 && !readModels.awaitVisible(CloudServiceId.of(newest)); i++) {
            log.info("Waiting for the read models to catch up");
        }
    }

    interface Each {
        void apply(CloudServiceId id, int index) throws Exception;
    }

    /** Every service once, spread over 8 clients by index. */
    static void forEach(List<CloudServiceId> services, Each each) throws Exception {
        parallel(CLIENTS, client -> {
            for (int i = client; i < services.size(); i += CLIENTS) each.apply(services.get(i), i);
            return null;
        });
    }

    interface Client {
        Object run(int client) throws Exception;
    }

    static void parallel(int clients, Client work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Object>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit((Callable<Object>) () -> work.run(client)));
            }
            for (Future<Object> f : running) f.get();
        } finally {
            pool.shutdownNow();
        }
    }

    /** A line of the report: logged as it is measured (a full run takes an hour), printed in the table at the end. */
    void row(String what, String value, String note) {
        table.add(new String[]{what, value, note});
        log.info("{}: {} {}", what, value, note);
    }

    /** The table the run is for goes to standard output, whatever the logging is set to. */
    void print() {
        System.out.println();
        System.out.println("Molnkoll benchmark, size " + size.name() + " (" + size.months() + " months) — " + results.get("machine"));
        System.out.println("-".repeat(130));
        for (String[] r : table) System.out.printf("%-52s %-34s %s%n", r[0], r[1], r[2]);
        System.out.println("-".repeat(130));
    }

    void write() throws IOException {
        Path file = Path.of(System.getProperty("bench.results", "target/results.json"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results));
        log.info("Results in {}", file.toAbsolutePath());
    }

    static String machine() {
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("?");
        } catch (IOException ignored) {
            // not Linux: the processor count still says something
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), Java "
                + System.getProperty("java.version") + ", max heap "
                + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / 1024 / 1024 + " MB"
                + ", " + collector() + " GC"
                + ", measures rows in memory " + System.getProperty("molnkoll.read-models.measures.rows-in-memory", "0")
                        .replaceAll("^0$", "45 % of the heap");
    }

    /** The garbage collector the JVM runs, by the name its options give it. */
    static String collector() {
        String young = ManagementFactory.getGarbageCollectorMXBeans().get(0).getName();
        return young.startsWith("PS ") ? "Parallel" : young.startsWith("G1 ") ? "G1" : young.equals("Copy") ? "Serial" : young;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
