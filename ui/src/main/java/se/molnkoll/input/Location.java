package se.molnkoll.input;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import se.molnkoll.kernel.Classification;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Where information may be stored or processed: an ISO 3166-1 alpha-2 country code (SE) or EU/EEA. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Location.Validator.class)
public @interface Location {

    String message() default "must be an ISO 3166-1 country code in capitals (e.g. SE) or EU/EEA";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Location, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Classification.isValidLocation(value);
        }
    }
}
