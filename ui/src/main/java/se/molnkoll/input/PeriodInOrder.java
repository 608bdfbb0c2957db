package se.molnkoll.input;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * On a request with a validity period: validUntil is not before its start, which is validFrom, or
 * receivedOn when there is no validFrom (evidence counts from receipt then, so evidence that lapsed
 * before it was received would never count). Reported on validUntil.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PeriodInOrder.Validator.class)
public @interface PeriodInOrder {

    String message() default "must not be before validFrom";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A request that has a validity period. */
    interface Period {
        LocalDate receivedOn();

        LocalDate validFrom();

        LocalDate validUntil();
    }

    class Validator implements ConstraintValidator<PeriodInOrder, Period> {
        @Override
        public boolean isValid(Period value, ConstraintValidatorContext context) {
            if (value == null || value.validUntil() == null) {
                return true;
            }
            String message;
            if (value.validFrom() != null) {
                if (!value.validUntil().isBefore(value.validFrom())) return true;
                message = context.getDefaultConstraintMessageTemplate();
            } else {
                if (value.receivedOn() == null || !value.validUntil().isBefore(value.receivedOn())) return true;
                message = "must not be before receivedOn when there is no validFrom (it would never count);"
                        + " give validFrom if it was valid earlier";
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addPropertyNode("validUntil").addConstraintViolation();
            return false;
        }
    }
}
