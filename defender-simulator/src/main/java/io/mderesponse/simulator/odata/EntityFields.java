package io.mderesponse.simulator.odata;

import io.mderesponse.simulator.error.ApiException;
import io.mderesponse.simulator.error.ErrorCodes;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The queryable properties of one entity type, with the order results take when no {@code $orderby} is given. */
public final class EntityFields<T> {

    private final String typeName;
    private final Map<String, Field<T>> byName = new LinkedHashMap<>();
    private final Comparator<T> defaultOrder;

    @SafeVarargs
    public EntityFields(String typeName, Comparator<T> defaultOrder, Field<T>... fields) {
        this.typeName = typeName;
        this.defaultOrder = defaultOrder;
        for (Field<T> field : fields) {
            byName.put(field.name().toLowerCase(Locale.ROOT), field);
        }
    }

    /** The property of that name (ignoring case, as ASP.NET OData does), or the OData error for an unknown one. */
    public Field<T> require(String name) {
        Field<T> field = byName.get(name.toLowerCase(Locale.ROOT));
        if (field == null) {
            throw ApiException.badRequest(ErrorCodes.ODATA_ERROR, "The query specified in the URI is not valid. "
                    + "Could not find a property named '" + name + "' on type '" + typeName + "'.");
        }
        return field;
    }

    /** Order without {@code $orderby}, and the tie-breaker after it, so paging is stable. */
    public Comparator<T> defaultOrder() {
        return defaultOrder;
    }
}
