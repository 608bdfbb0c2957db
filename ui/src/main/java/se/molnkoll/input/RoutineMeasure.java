package se.molnkoll.input;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The id of one of the routine's measures. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RoutineMeasure.Validator.class)
public @interface RoutineMeasure {

    String message() default "is not a measure of the routine";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<RoutineMeasure, Integer> {

        private final MeasureCatalogue catalogue;

        public Validator(MeasureCatalogue catalogue) {
            this.catalogue = catalogue;
        }

        @Override
        public boolean isValid(Integer value, ConstraintValidatorContext context) {
            if (value == null || (value >= 1 && catalogue.contains(new MeasureId(value)))) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("is not a measure of the routine (it has measures 1–"
                    + catalogue.measures().size() + ")").addConstraintViolation();
            return false;
        }
    }
}
