package se.molnkoll.input;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import se.molnkoll.kernel.StorableValues;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A business date within 1900-01-01 to 2999-12-31 ({@link StorableValues}). Java accepts years up
 * to 999999999, the databases do not.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = BusinessDate.Validator.class)
public @interface BusinessDate {

    String message() default "must be a date between 1900-01-01 and 2999-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<BusinessDate, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || StorableValues.dateProblem(value) == null;
        }
    }
}
