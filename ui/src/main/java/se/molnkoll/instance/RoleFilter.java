package se.molnkoll.instance;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

import java.util.Set;

/**
 * Leaves out of an instance the components its {@link InstanceRole}s do not include: without
 * {@link InstanceRole#COMMAND} the aggregates (no command handler, so a command sent there is refused) and
 * whatever is marked {@code @RunsOn(COMMAND)}; without {@link InstanceRole#QUERY} every event processing
 * group (the projections and the hash chain: no processor is started) and whatever is marked
 * {@code @RunsOn(QUERY)}. The query handlers stay everywhere: they read the shared read-model tables,
 * so every instance answers reads.
 */
public class RoleFilter implements TypeFilter, EnvironmentAware {

    private Set<InstanceRole> roles = Set.of(InstanceRole.values());

    @Override
    public void setEnvironment(Environment environment) {
        roles = InstanceRole.parse(environment.getProperty(InstanceRole.PROPERTY, "all"));
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
        InstanceRole needed = needs(reader.getAnnotationMetadata());
        return needed != null && !roles.contains(needed);
    }

    static InstanceRole needs(AnnotationMetadata type) {
        if (type.hasAnnotation(RunsOn.class.getName())) {
            return (InstanceRole) type.getAnnotationAttributes(RunsOn.class.getName()).get("value");
        }
        if (type.hasAnnotation(Aggregate.class.getName())) {
            return InstanceRole.COMMAND;
        }
        if (type.hasAnnotation(ProcessingGroup.class.getName())) {
            return InstanceRole.QUERY;
        }
        return null;
    }
}
