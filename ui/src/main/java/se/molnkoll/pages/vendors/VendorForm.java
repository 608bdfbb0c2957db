package se.molnkoll.pages.vendors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import se.molnkoll.input.Country;
import se.molnkoll.kernel.vendor.VendorDetails;

import java.util.Locale;

import static se.molnkoll.input.Lengths.NAME;
import static se.molnkoll.input.Lengths.TEXT;

/** A vendor's details as typed in a form: registering, or correcting with a reason. */
public class VendorForm {

    @NotBlank @Size(max = 200) private String name;
    @Size(max = 20) private String organisationNumber;
    @Size(max = NAME) private String foreignRegistration;
    @NotBlank @Country private String country = "SE";
    @Size(max = 200) private String parentCompany;
    @Country private String parentCountry;
    @Size(max = TEXT) private String reason;

    static VendorForm of(VendorDetails d) {
        VendorForm form = new VendorForm();
        form.name = d.name();
        form.organisationNumber = d.organisationNumber();
        form.foreignRegistration = d.foreignRegistration();
        form.country = d.country();
        form.parentCompany = d.parentCompany();
        form.parentCountry = d.parentCountry();
        return form;
    }

    static String upper(String code) {
        return code == null || code.isBlank() ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getOrganisationNumber() { return organisationNumber; }
    public void setOrganisationNumber(String organisationNumber) { this.organisationNumber = organisationNumber; }
    public String getForeignRegistration() { return foreignRegistration; }
    public void setForeignRegistration(String foreignRegistration) { this.foreignRegistration = foreignRegistration; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = upper(country); }
    public String getParentCompany() { return parentCompany; }
    public void setParentCompany(String parentCompany) { this.parentCompany = parentCompany; }
    public String getParentCountry() { return parentCountry; }
    public void setParentCountry(String parentCountry) { this.parentCountry = upper(parentCountry); }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
