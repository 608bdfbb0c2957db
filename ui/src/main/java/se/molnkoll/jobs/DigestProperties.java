package se.molnkoll.jobs;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * molnkoll.digest.*: who gets the daily digest and when.
 * <pre>
 * molnkoll.digest.enabled=true
 * molnkoll.digest.send-at=07:00                      (Swedish time)
 * molnkoll.digest.from=molnkoll@example.se
 * molnkoll.digest.contacts[0].organisation-unit=Regionstyrelsen
 * molnkoll.digest.contacts[0].email=informationssakerhet@example.se
 * molnkoll.digest.default-recipient=...             (units without a contact of their own; optional)
 * molnkoll.digest.people[0].user=karin              (a person tasks are given to, by the name they sign in with)
 * molnkoll.digest.people[0].email=karin@example.se  (where their own digest of tasks goes)
 * molnkoll.digest.check-interval=60s                (how often whether a digest is due is checked)
 * spring.mail.host=..., spring.mail.port=...        (the SMTP server)
 * </pre>
 */
@ConfigurationProperties("molnkoll.digest")
@Validated
public record DigestProperties(boolean enabled, @DefaultValue("07:00") @NotNull LocalTime sendAt,
                               @DefaultValue("molnkoll@localhost") @NotBlank String from, List<Contact> contacts,
                               String defaultRecipient, @DefaultValue("60s") @NotNull Duration checkInterval,
                               List<Person> people) {

    public DigestProperties {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        people = people == null ? List.of() : List.copyOf(people);
        defaultRecipient = defaultRecipient == null || defaultRecipient.isBlank() ? null : defaultRecipient;
    }

    /** The recipient for an organisation unit: its own contact, else the default, else none. */
    public String recipientFor(String organisationUnit) {
        return contacts.stream().filter(c -> c.organisationUnit().equals(organisationUnit))
                .map(Contact::email).findFirst().orElse(defaultRecipient);
    }

    public record Contact(String organisationUnit, String email) {
    }

    /** Where a person's own digest goes: none for someone not listed. */
    public String emailOf(String user) {
        return people.stream().filter(p -> p.user().equals(user)).map(Person::email).findFirst().orElse(null);
    }

    /** A person tasks are given to, by the user name they sign in with, and their address. */
    public record Person(String user, String email) {
    }
}
