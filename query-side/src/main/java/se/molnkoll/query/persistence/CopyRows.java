package se.molnkoll.query.persistence;

import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.generator.Generator;
import org.hibernate.id.Assigned;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.postgresql.PGConnection;

import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Writes new rows of one entity type with PostgreSQL's {@code COPY ... FROM STDIN} (CSV), column by column
 * as Hibernate maps them: the identifier first, generated as {@code persist} would (the row-id sequence,
 * 50 at a time) unless the entity has its own, then every insertable column of every attribute. The rows
 * are not managed by the session afterwards.
 */
final class CopyRows {

    private CopyRows() {
    }

    static void copy(Session session, Class<?> type, List<?> rows) {
        SharedSessionContractImplementor implementor = session.unwrap(SharedSessionContractImplementor.class);
        EntityPersister persister = session.getSessionFactory().unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel().getEntityDescriptor(type);
        Generator generator = persister.getGenerator();
        List<String> columns = new ArrayList<>();
        StringBuilder csv = new StringBuilder(rows.size() * 128);
        for (Object row : rows) {
            if (generator instanceof BeforeExecutionGenerator before && !(generator instanceof Assigned)) {
                persister.setIdentifier(row, before.generate(implementor, row, null, EventType.INSERT), implementor);
            }
            List<String> rowColumns = columns.isEmpty() ? columns : null;
            Line line = new Line(csv, rowColumns);
            persister.getIdentifierMapping().breakDownJdbcValues(persister.getIdentifier(row, implementor), line, implementor);
            for (int i = 0; i < persister.getNumberOfAttributeMappings(); i++) {
                AttributeMapping attribute = persister.getAttributeMapping(i);
                attribute.breakDownJdbcValues(attribute.getValue(row), line, implementor);
            }
            csv.append('\n');
        }
        String sql = "copy " + ReadModelTables.of(type) + " (" + String.join(", ", columns) + ") from stdin with (format csv)";
        session.doWork(connection -> copyIn(connection, sql, csv));
    }

    /** Sends the CSV to a {@code COPY ... FROM STDIN} on the connection (PostgreSQL's, under any wrapper). */
    static void copyIn(java.sql.Connection connection, String sql, CharSequence csv) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row's values as a line of CSV; the first row also names the columns. */
    private static final class Line implements org.hibernate.metamodel.mapping.ModelPart.JdbcValueConsumer {
        private final StringBuilder csv;
        private final List<String> columns;
        private boolean first = true;

        Line(StringBuilder csv, List<String> columns) {
            this.csv = csv;
            this.columns = columns;
        }

        @Override
        public void consume(int index, Object value, SelectableMapping column) {
            if (!column.isInsertable() || column.isFormula()) return;
            if (columns != null) columns.add(column.getSelectionExpression());
            if (!first) csv.append(',');
            first = false;
            append(value, column);
        }

        private void append(Object value, SelectableMapping column) {
            if (value == null) {
                return; // an unquoted empty field is NULL in CSV
            }
            if (value instanceof String text) {
                quoted(text);
            } else if (value instanceof Enum<?> constant) {
                if (column.getJdbcMapping().getJdbcType().isNumber()) csv.append(constant.ordinal());
                else quoted(constant.name());
            } else if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof LocalDate
                    || value instanceof Number || value instanceof Boolean || value instanceof UUID) {
                csv.append(value); // ISO 8601 and plain numbers, as PostgreSQL reads them
            } else if (value instanceof byte[] bytes) {
                csv.append("\\x").append(HexFormat.of().formatHex(bytes));
            } else {
                throw new IllegalStateException("A value of " + value.getClass().getName() + " for column "
                        + column.getSelectionExpression() + " cannot be written with COPY");
            }
        }

        private void quoted(String text) {
            csv.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') csv.append('"');
                csv.append(c);
            }
            csv.append('"');
        }
    }
}
