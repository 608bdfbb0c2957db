package se.molnkoll.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * molnkoll.certificates.*: which certificates need attention.
 *
 * @param warningDays a certificate valid until within this many days is expiring: on the dashboard, in the list
 *                    of certificates (unless the request names another window) and in the daily digest
 */
@ConfigurationProperties("molnkoll.certificates")
public record CertificateProperties(@DefaultValue("60") int warningDays) {
}
