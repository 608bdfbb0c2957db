package se.molnkoll.query.persistence;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.descriptor.jdbc.VarbinaryJdbcType;

import java.sql.Types;

/**
 * Maps Axon's {@code @Lob byte[]} columns (event payload and meta-data, tokens, snapshots, dead
 * letters) to plain binary columns. Hibernate would otherwise use PostgreSQL large objects
 * ({@code oid}), which live in {@code pg_largeobject} and leak: every token update writes a new
 * large object that nothing deletes. The schema (Flyway) declares these columns {@code bytea},
 * which validates on PostgreSQL and on H2.
 */
public class ByteaTypeContributor implements TypeContributor {

    @Override
    public void contribute(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        typeContributions.getTypeConfiguration().getJdbcTypeRegistry()
                .addDescriptor(Types.BLOB, VarbinaryJdbcType.INSTANCE);
    }
}
