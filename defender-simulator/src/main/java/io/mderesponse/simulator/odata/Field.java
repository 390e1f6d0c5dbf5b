package io.mderesponse.simulator.odata;

import java.util.List;
import java.util.function.Function;

/**
 * A property of an entity that {@code $filter} and {@code $orderby} may name. Enum properties list their members
 * in the API's order, which is also their sort order (e.g. severity Informational &lt; Low &lt; High).
 */
public record Field<T>(String name, FieldType type, Function<T, ?> getter, List<String> members) {

    public static <T> Field<T> dateTime(String name, Function<T, ?> getter) {
        return new Field<>(name, FieldType.DATE_TIME, getter, List.of());
    }

    public static <T> Field<T> string(String name, Function<T, ?> getter) {
        return new Field<>(name, FieldType.STRING, getter, List.of());
    }

    public static <T> Field<T> int64(String name, Function<T, ?> getter) {
        return new Field<>(name, FieldType.INT64, getter, List.of());
    }

    public static <T> Field<T> enumeration(String name, Function<T, ?> getter, List<String> members) {
        return new Field<>(name, FieldType.ENUM, getter, List.copyOf(members));
    }

    /** Position of an enum member, ignoring case; -1 when unknown. */
    public int rank(String member) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).equalsIgnoreCase(member)) {
                return i;
            }
        }
        return -1;
    }
}
