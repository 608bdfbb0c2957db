package se.molnkoll.pages.vendors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import se.molnkoll.input.BusinessDate;
import se.molnkoll.input.Country;
import se.molnkoll.input.NotInFuture;
import se.molnkoll.kernel.vendor.SubProcessor;

import java.time.LocalDate;

import static se.molnkoll.input.Lengths.TEXT;

/** A sub-processor as typed: added, or changed with a reason; its processing countries as "FI, SE". */
public class SubProcessorForm {

    @NotBlank @Size(max = 200) private String name;
    @NotBlank @Country private String country;
    @Country private String parentCountry;
    @NotBlank @Size(max = 200) private String activity;
    @NotBlank @Size(max = 300) private String processingCountries;
    @NotNull @BusinessDate @NotInFuture @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate notifiedOn;
    @Size(max = TEXT) private String reason;

    static SubProcessorForm of(SubProcessor s) {
        SubProcessorForm form = new SubProcessorForm();
        form.name = s.name();
        form.country = s.country();
        form.parentCountry = s.parentCountry();
        form.activity = s.activity();
        form.processingCountries = String.join(", ", s.processingCountries());
        return form;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = VendorForm.upper(country); }
    public String getParentCountry() { return parentCountry; }
    public void setParentCountry(String parentCountry) { this.parentCountry = VendorForm.upper(parentCountry); }
    public String getActivity() { return activity; }
    public void setActivity(String activity) { this.activity = activity; }
    public String getProcessingCountries() { return processingCountries; }
    public void setProcessingCountries(String processingCountries) { this.processingCountries = processingCountries; }
    public LocalDate getNotifiedOn() { return notifiedOn; }
    public void setNotifiedOn(LocalDate notifiedOn) { this.notifiedOn = notifiedOn; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
