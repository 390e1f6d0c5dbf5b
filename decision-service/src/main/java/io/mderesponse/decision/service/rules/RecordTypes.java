package io.mderesponse.decision.service.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.common.values.NullValue;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Declares the contracts' records to CEL as struct types (field by field, named as in JSON) and turns record
 * instances into the values CEL evaluates: maps of the same fields.
 *
 * <p>A field Defender left empty reads as its type's zero value, as in protobuf: {@code ""}, {@code 0},
 * {@code false}, {@code []}, <code>{}</code>, 1970-01-01T00:00:00Z, or a struct of zero values. So
 * {@code alert.category == "Execution"} is simply false for an alert without a category, instead of an error.
 * Free-form maps (a hunting row's columns) are dynamic and keep their nulls.
 */
final class RecordTypes {

    private static final String TYPE_PREFIX = "mde.";

    private final Map<Class<?>, StructType> structs = new LinkedHashMap<>();
    private final Map<Class<?>, List<Field>> fields = new LinkedHashMap<>();
    private final Map<Class<?>, Map<String, Object>> zeros = new LinkedHashMap<>();

    /** One record component: its JSON name, accessor and CEL type. */
    private record Field(String name, Method accessor, Type javaType, CelType celType) {
    }

    /** Declares {@code type} and every record it contains; call before any other method. */
    synchronized StructType declare(Class<? extends Record> type) {
        StructType existing = structs.get(type);
        if (existing != null) {
            return existing;
        }
        List<Field> declared = new ArrayList<>();
        Map<String, CelType> byName = new LinkedHashMap<>();
        // Registered before its fields, so a record that contains itself resolves.
        StructType struct = StructType.create(TYPE_PREFIX + type.getSimpleName(),
                ImmutableSet.copyOf(names(type)), name -> Optional.ofNullable(byName.get(name)));
        structs.put(type, struct);
        fields.put(type, declared);
        for (RecordComponent component : type.getRecordComponents()) {
            CelType celType = celType(component.getGenericType(), type);
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            declared.add(new Field(jsonName(component), accessor, component.getGenericType(), celType));
            byName.put(jsonName(component), celType);
        }
        return struct;
    }

    /** The declared struct types, for the CEL checker. */
    synchronized CelTypeProvider typeProvider() {
        ImmutableList<CelType> types = ImmutableList.copyOf(structs.values());
        return new CelTypeProvider() {
            @Override
            public ImmutableList<CelType> types() {
                return types;
            }

            @Override
            public Optional<CelType> findType(String name) {
                return types.stream().filter(type -> type.name().equals(name)).findFirst();
            }
        };
    }

    /** {@code record} as a map of its JSON fields, each as CEL sees it; null gives the zero struct. */
    Map<String, Object> valueOf(Record record, Class<? extends Record> type) {
        if (record == null) {
            return zeroOf(type);
        }
        List<Field> declared = fieldsOf(type);
        Map<String, Object> value = new LinkedHashMap<>();
        for (Field field : declared) {
            Object fieldValue;
            try {
                fieldValue = field.accessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + type.getSimpleName() + "." + field.name(), e);
            }
            value.put(field.name(), convert(fieldValue, field.javaType()));
        }
        return Collections.unmodifiableMap(value);
    }

    private synchronized List<Field> fieldsOf(Class<?> type) {
        List<Field> declared = fields.get(type);
        if (declared == null) {
            throw new IllegalStateException(type.getSimpleName() + " was not declared to CEL");
        }
        return declared;
    }

    private synchronized Map<String, Object> zeroOf(Class<? extends Record> type) {
        Map<String, Object> zero = zeros.get(type);
        if (zero == null) {
            Map<String, Object> built = new LinkedHashMap<>();
            for (Field field : fieldsOf(type)) {
                built.put(field.name(), convert(null, field.javaType()));
            }
            zero = Collections.unmodifiableMap(built);
            zeros.put(type, zero);
        }
        return zero;
    }

    @SuppressWarnings("unchecked")
    private Object convert(Object value, Type type) {
        Class<?> raw = rawClass(type);
        if (raw == String.class || raw.isEnum()) {
            return value == null ? "" : value instanceof Enum<?> e ? e.name() : value;
        }
        if (raw == Long.class || raw == Integer.class || raw == Short.class || raw == long.class
                || raw == int.class || raw == short.class) {
            return value == null ? 0L : ((Number) value).longValue();
        }
        if (raw == Double.class || raw == Float.class || raw == double.class || raw == float.class) {
            return value == null ? 0.0d : ((Number) value).doubleValue();
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return value == null ? Boolean.FALSE : value;
        }
        if (raw == Instant.class) {
            return value == null ? Instant.EPOCH : value;
        }
        if (Record.class.isAssignableFrom(raw)) {
            return valueOf((Record) value, (Class<? extends Record>) raw);
        }
        if (List.class.isAssignableFrom(raw)) {
            Type element = typeArgument(type, 0);
            List<Object> converted = new ArrayList<>();
            if (value != null) {
                for (Object item : (List<?>) value) {
                    converted.add(convert(item, element));
                }
            }
            return Collections.unmodifiableList(converted);
        }
        if (Map.class.isAssignableFrom(raw) || raw == Object.class) {
            return value == null && raw != Object.class ? Map.of() : dynamic(value);
        }
        throw new IllegalStateException("No CEL value for " + type);
    }

    /** A free-form JSON value (hunting columns) as CEL's dynamic values: integers as int, nulls kept. */
    static Object dynamic(Object value) {
        if (value == null) {
            return NullValue.NULL_VALUE;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < Long.SIZE ? (Object) big.longValue() : (Object) big.doubleValue();
        }
        if (value instanceof Float || value instanceof BigDecimal) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Long || value instanceof Double || value instanceof Boolean || value instanceof String
                || value instanceof Instant) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>();
            list.forEach(item -> converted.add(dynamic(item)));
            return Collections.unmodifiableList(converted);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new LinkedHashMap<>();
            map.forEach((key, item) -> converted.put(String.valueOf(key), dynamic(item)));
            return Collections.unmodifiableMap(converted);
        }
        return value.toString();
    }

    @SuppressWarnings("unchecked")
    private CelType celType(Type type, Class<?> owner) {
        Class<?> raw = rawClass(type);
        if (raw == String.class || raw.isEnum()) {
            return SimpleType.STRING;
        }
        if (raw == Long.class || raw == Integer.class || raw == Short.class || raw == long.class
                || raw == int.class || raw == short.class) {
            return SimpleType.INT;
        }
        if (raw == Double.class || raw == Float.class || raw == double.class || raw == float.class) {
            return SimpleType.DOUBLE;
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return SimpleType.BOOL;
        }
        if (raw == Instant.class) {
            return SimpleType.TIMESTAMP;
        }
        if (Record.class.isAssignableFrom(raw)) {
            return declare((Class<? extends Record>) raw);
        }
        if (List.class.isAssignableFrom(raw)) {
            return ListType.create(celType(typeArgument(type, 0), owner));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return MapType.create(SimpleType.STRING, SimpleType.DYN);
        }
        if (raw == Object.class) {
            return SimpleType.DYN;
        }
        // A new kind of field in the contracts: decide how rules see it rather than guess.
        throw new IllegalStateException("No CEL type for " + type + " in " + owner.getSimpleName());
    }

    private static List<String> names(Class<? extends Record> type) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            names.add(jsonName(component));
        }
        return names;
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return Object.class; // wildcards and type variables: dynamic
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[index]
                : Object.class;
    }
}
