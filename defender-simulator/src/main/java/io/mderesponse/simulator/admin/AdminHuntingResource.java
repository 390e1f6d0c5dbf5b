package io.mderesponse.simulator.admin;

import io.mderesponse.simulator.error.ApiException;
import io.mderesponse.simulator.hunting.HuntingTable;
import io.mderesponse.simulator.hunting.HuntingTables;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Admin: the tables advanced hunting queries read. */
@Path("/admin/hunting/tables")
public class AdminHuntingResource {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final HuntingTables tables;

    public AdminHuntingResource(HuntingTables tables) {
        this.tables = tables;
    }

    /** A table's name, inferred schema and row count. */
    public record TableView(String name, List<HuntingTable.Column> schema, int rows) {

        static TableView of(HuntingTable table) {
            return new TableView(table.name(), table.schema(), table.rows().size());
        }
    }

    /** Replaces the table with these rows (a JSON array of objects); the schema is inferred from them. */
    @PUT
    @Path("{name}")
    public TableView put(@PathParam("name") String name, List<Map<String, Object>> rows) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A table name is a KQL identifier, got: " + name);
        }
        return TableView.of(tables.put(name, rows == null ? List.of() : rows));
    }

    @GET
    public List<TableView> list() {
        return tables.all().stream().map(TableView::of).toList();
    }

    @DELETE
    @Path("{name}")
    public void remove(@PathParam("name") String name) {
        if (!tables.remove(name)) {
            throw ApiException.notFound("Table " + name + " was not found");
        }
    }
}
