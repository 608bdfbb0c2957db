package se.molnkoll.jobs;

import org.springframework.boot.context.properties.ConfigurationProperties;

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
 * spring.mail.host=..., spring.mail.port=...        (the SMTP server)
 * </pre>
 */
@ConfigurationProperties("molnkoll.digest")
public record DigestProperties(boolean enabled, LocalTime sendAt, String from, List<Contact> contacts,
                               String defaultRecipient) {

    public DigestProperties {
        sendAt = sendAt == null ? LocalTime.of(7, 0) : sendAt;
        from = from == null || from.isBlank() ? "molnkoll@localhost" : from;
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        defaultRecipient = defaultRecipient == null || defaultRecipient.isBlank() ? null : defaultRecipient;
    }

    /** The recipient for an organisation unit: its own contact, else the default, else none. */
    public String recipientFor(String organisationUnit) {
        return contacts.stream().filter(c -> c.organisationUnit().equals(organisationUnit))
                .map(Contact::email).findFirst().orElse(defaultRecipient);
    }

    public record Contact(String organisationUnit, String email) {
    }
}
