package se.molnkoll.security;

import java.util.List;
import java.util.Set;

/**
 * Users for trying Molnkoll out; each one's password is its user name. On by default with the
 * embedded database, off with the postgres profile unless {@code molnkoll.demo-users=true}.
 */
final class DemoUsers {

    static final List<UserProperties.User> ALL = List.of(
            new UserProperties.User("manager", "{bcrypt}$2a$10$wk4DGrqu.evJii2Hu1En6umagh8rCkgtRw1y1prS3oy7GffnGEozS",
                    Set.of(Role.CONTRACT_MANAGER), null),
            new UserProperties.User("auditor", "{bcrypt}$2a$10$W5NsD7vdjZz/fHAj3LeKteBoYOORUQmf9rcfgU.r69KetBrQDJ7s.",
                    Set.of(Role.AUDITOR), null),
            new UserProperties.User("viewer", "{bcrypt}$2a$10$bVipylSfS95nCQYGHo9zSOzt33BEnsWOi20/urv4ZyLjD35wXX2EG",
                    Set.of(Role.VIEWER), null),
            new UserProperties.User("admin", "{bcrypt}$2a$10$0Batnr31LGlUjtpWi3EWWu2gK/C2DxGG1UbZVWa6gdZ.3zC5o9aCa",
                    Set.of(Role.ADMIN), null),
            new UserProperties.User("riskowner", "{bcrypt}$2a$10$vOLbYN60yyxxopPO5PZWCOQOrkKm4qUWz0AtgvzKTNr91eBWcRLv.",
                    Set.of(Role.RISK_OWNER), null));

    private DemoUsers() {
    }
}
