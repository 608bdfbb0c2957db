package se.molnkoll.pages.vendors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import se.molnkoll.input.BusinessDate;
import se.molnkoll.input.NotInFuture;
import se.molnkoll.input.PeriodInOrder;
import se.molnkoll.kernel.EvidenceKind;

import java.time.LocalDate;

import static se.molnkoll.input.Lengths.NAME;
import static se.molnkoll.input.Lengths.TEXT;

/** A certificate or audit report recorded on a vendor, as typed. */
@PeriodInOrder
public class VendorEvidenceForm implements PeriodInOrder.Period {

    @NotNull private EvidenceKind kind = EvidenceKind.CERTIFICATE;
    @NotBlank @Size(max = NAME) private String title;
    @NotBlank @Size(max = NAME) private String issuer;
    @NotBlank @Size(max = TEXT) private String scope;
    @NotNull @BusinessDate @NotInFuture @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate receivedOn;
    @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate validFrom;
    @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate validUntil;
    @Size(max = NAME) private String reference;

    public EvidenceKind getKind() { return kind; }
    public void setKind(EvidenceKind kind) { this.kind = kind; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getIssuer() { return issuer; }
    public void setIssuer(String issuer) { this.issuer = issuer; }
    public String getScope() { return scope; }
    public void setScope(String scope) { this.scope = scope; }
    public LocalDate getReceivedOn() { return receivedOn; }
    public void setReceivedOn(LocalDate receivedOn) { this.receivedOn = receivedOn; }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
    public LocalDate getValidUntil() { return validUntil; }
    public void setValidUntil(LocalDate validUntil) { this.validUntil = validUntil; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }

    @Override
    public LocalDate receivedOn() { return receivedOn; }
    @Override
    public LocalDate validFrom() { return validFrom; }
    @Override
    public LocalDate validUntil() { return validUntil; }
}
