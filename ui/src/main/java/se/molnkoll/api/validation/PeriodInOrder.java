package se.molnkoll.api.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/** On a request with validFrom and validUntil: the end is not before the start. Reported on validUntil. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PeriodInOrder.Validator.class)
public @interface PeriodInOrder {

    String message() default "must not be before validFrom";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A request that has a validity period. */
    interface Period {
        LocalDate validFrom();

        LocalDate validUntil();
    }

    class Validator implements ConstraintValidator<PeriodInOrder, Period> {
        @Override
        public boolean isValid(Period value, ConstraintValidatorContext context) {
            if (value == null || value.validFrom() == null || value.validUntil() == null
                    || !value.validUntil().isBefore(value.validFrom())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("validUntil").addConstraintViolation();
            return false;
        }
    }
}
