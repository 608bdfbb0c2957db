package se.molnkoll.input;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import se.molnkoll.kernel.BusinessDates;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;

/** A business date that is today or earlier in Sweden, by the application's clock. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotInFuture.Validator.class)
public @interface NotInFuture {

    String message() default "must not be in the future";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NotInFuture, LocalDate> {

        private final Clock clock;

        public Validator(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            LocalDate today = BusinessDates.today(clock);
            if (value == null || !value.isAfter(today)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must not be in the future (today is " + today + ")")
                    .addConstraintViolation();
            return false;
        }
    }
}
