package se.molnkoll.query.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * A read-model row whose key the projection assigns. Spring Data would otherwise treat it as
 * existing (its id is set) and merge it, which costs a SELECT per new row.
 */
@MappedSuperclass
public abstract class ProjectionRow<ID> implements Persistable<ID> {

    @Transient
    private boolean fresh = true;

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        fresh = false;
    }
}
