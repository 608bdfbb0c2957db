package se.molnkoll.api;

import jakarta.validation.Path;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** The request records ({@link Requests}) as the body reader builds them and names their fields. */
final class RequestRecords {

    private RequestRecords() {
    }

    static Record construct(Class<? extends Record> type, RecordComponent[] components, Object[] values) {
        try {
            Constructor<? extends Record> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot build " + type.getSimpleName(), e);
        }
    }

    /** "phases[1]", "validUntil": the field as the client wrote it. */
    static String path(Path propertyPath) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : propertyPath) {
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (!path.isEmpty()) path.append('.');
                path.append(name);
            }
            if (node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
