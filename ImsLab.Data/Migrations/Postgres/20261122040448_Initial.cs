using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImsLab.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ims_subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    allowed_visited_networks_json = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ims_subscriptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_event_subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    resource_impu = table.Column<string>(type: "text", nullable: false),
                    watcher_uri = table.Column<string>(type: "text", nullable: false),
                    watcher_contact = table.Column<string>(type: "text", nullable: false),
                    call_id = table.Column<string>(type: "text", nullable: false),
                    local_tag = table.Column<string>(type: "text", nullable: false),
                    remote_tag = table.Column<string>(type: "text", nullable: false),
                    local_cseq = table.Column<long>(type: "bigint", nullable: false),
                    remote_cseq = table.Column<long>(type: "bigint", nullable: false),
                    route_set_json = table.Column<string>(type: "text", nullable: false),
                    flow_transport = table.Column<string>(type: "text", nullable: false),
                    flow_remote_address = table.Column<string>(type: "text", nullable: false),
                    flow_remote_port = table.Column<int>(type: "integer", nullable: false),
                    flow_local_address = table.Column<string>(type: "text", nullable: false),
                    flow_local_port = table.Column<int>(type: "integer", nullable: false),
                    flow_connection_id = table.Column<long>(type: "bigint", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reg_event_subscriptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registration_bindings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    impu = table.Column<string>(type: "text", nullable: false),
                    impi = table.Column<string>(type: "text", nullable: false),
                    contact_uri = table.Column<string>(type: "text", nullable: false),
                    contact_parameters = table.Column<string>(type: "text", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    q = table.Column<float>(type: "real", nullable: true),
                    instance_id = table.Column<string>(type: "text", nullable: true),
                    reg_id = table.Column<int>(type: "integer", nullable: true),
                    feature_tags_json = table.Column<string>(type: "text", nullable: false),
                    path_json = table.Column<string>(type: "text", nullable: false),
                    flow_transport = table.Column<string>(type: "text", nullable: false),
                    flow_remote_address = table.Column<string>(type: "text", nullable: false),
                    flow_remote_port = table.Column<int>(type: "integer", nullable: false),
                    flow_local_address = table.Column<string>(type: "text", nullable: false),
                    flow_local_port = table.Column<int>(type: "integer", nullable: false),
                    flow_connection_id = table.Column<long>(type: "bigint", nullable: false),
                    call_id = table.Column<string>(type: "text", nullable: false),
                    cseq = table.Column<long>(type: "bigint", nullable: false),
                    user_agent = table.Column<string>(type: "text", nullable: true),
                    access_network_info = table.Column<string>(type: "text", nullable: true),
                    visited_network = table.Column<string>(type: "text", nullable: true),
                    scscf_uri = table.Column<string>(type: "text", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    refreshed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reauthentication_required = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registration_bindings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registration_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    type = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    impu = table.Column<string>(type: "text", nullable: true),
                    impi = table.Column<string>(type: "text", nullable: true),
                    contact = table.Column<string>(type: "text", nullable: true),
                    flow = table.Column<string>(type: "text", nullable: true),
                    reason = table.Column<string>(type: "text", nullable: true),
                    actor = table.Column<string>(type: "text", nullable: true),
                    sip_trace_json = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registration_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_profiles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_profiles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "private_identities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subscription_id = table.Column<Guid>(type: "uuid", nullable: false),
                    impi = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    allowed_schemes = table.Column<int>(type: "integer", nullable: false),
                    k_ciphertext = table.Column<byte[]>(type: "bytea", nullable: true),
                    op_ciphertext = table.Column<byte[]>(type: "bytea", nullable: true),
                    opc_ciphertext = table.Column<byte[]>(type: "bytea", nullable: true),
                    amf = table.Column<byte[]>(type: "bytea", nullable: true),
                    seq = table.Column<long>(type: "bigint", nullable: false),
                    digest_realm = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    ha1_md5_ciphertext = table.Column<byte[]>(type: "bytea", nullable: true),
                    ha1_sha256_ciphertext = table.Column<byte[]>(type: "bytea", nullable: true),
                    imsi = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    msisdn = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_private_identities", x => x.id);
                    table.ForeignKey(
                        name: "fk_private_identities_ims_subscriptions_subscription_id",
                        column: x => x.subscription_id,
                        principalTable: "ims_subscriptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "initial_filter_criteria",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    service_profile_id = table.Column<Guid>(type: "uuid", nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    condition_type = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    application_server_uri = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    default_handling = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    service_info = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_initial_filter_criteria", x => x.id);
                    table.ForeignKey(
                        name: "fk_initial_filter_criteria_service_profiles_service_profile_id",
                        column: x => x.service_profile_id,
                        principalTable: "service_profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "public_identities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subscription_id = table.Column<Guid>(type: "uuid", nullable: false),
                    uri = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    barred = table.Column<bool>(type: "boolean", nullable: false),
                    can_register = table.Column<bool>(type: "boolean", nullable: false),
                    implicit_set_id = table.Column<int>(type: "integer", nullable: false),
                    service_profile_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_public_identities", x => x.id);
                    table.ForeignKey(
                        name: "fk_public_identities_ims_subscriptions_subscription_id",
                        column: x => x.subscription_id,
                        principalTable: "ims_subscriptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_public_identities_service_profiles_service_profile_id",
                        column: x => x.service_profile_id,
                        principalTable: "service_profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "service_point_triggers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    criterion_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group = table.Column<int>(type: "integer", nullable: false),
                    condition_negated = table.Column<bool>(type: "boolean", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    value = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    content = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_point_triggers", x => x.id);
                    table.ForeignKey(
                        name: "fk_service_point_triggers_initial_filter_criteria_criterion_id",
                        column: x => x.criterion_id,
                        principalTable: "initial_filter_criteria",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "public_identity_links",
                columns: table => new
                {
                    private_identity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    public_identity_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_public_identity_links", x => new { x.private_identity_id, x.public_identity_id });
                    table.ForeignKey(
                        name: "fk_public_identity_links_private_identities_private_identity_id",
                        column: x => x.private_identity_id,
                        principalTable: "private_identities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_public_identity_links_public_identities_public_identity_id",
                        column: x => x.public_identity_id,
                        principalTable: "public_identities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ims_subscriptions_name",
                table: "ims_subscriptions",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_initial_filter_criteria_service_profile_id_priority",
                table: "initial_filter_criteria",
                columns: new[] { "service_profile_id", "priority" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_private_identities_impi",
                table: "private_identities",
                column: "impi",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_private_identities_imsi",
                table: "private_identities",
                column: "imsi");

            migrationBuilder.CreateIndex(
                name: "ix_private_identities_msisdn",
                table: "private_identities",
                column: "msisdn");

            migrationBuilder.CreateIndex(
                name: "ix_private_identities_subscription_id",
                table: "private_identities",
                column: "subscription_id");

            migrationBuilder.CreateIndex(
                name: "ix_public_identities_service_profile_id",
                table: "public_identities",
                column: "service_profile_id");

            migrationBuilder.CreateIndex(
                name: "ix_public_identities_subscription_id",
                table: "public_identities",
                column: "subscription_id");

            migrationBuilder.CreateIndex(
                name: "ix_public_identities_uri",
                table: "public_identities",
                column: "uri",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_public_identity_links_public_identity_id",
                table: "public_identity_links",
                column: "public_identity_id");

            migrationBuilder.CreateIndex(
                name: "ix_reg_event_subscriptions_expires_at",
                table: "reg_event_subscriptions",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_reg_event_subscriptions_resource_impu",
                table: "reg_event_subscriptions",
                column: "resource_impu");

            migrationBuilder.CreateIndex(
                name: "ix_registration_bindings_expires_at",
                table: "registration_bindings",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_registration_bindings_impi",
                table: "registration_bindings",
                column: "impi");

            migrationBuilder.CreateIndex(
                name: "ix_registration_bindings_impu",
                table: "registration_bindings",
                column: "impu");

            migrationBuilder.CreateIndex(
                name: "ix_registration_events_impi_occurred_at",
                table: "registration_events",
                columns: new[] { "impi", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_registration_events_impu_occurred_at",
                table: "registration_events",
                columns: new[] { "impu", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_registration_events_occurred_at",
                table: "registration_events",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_registration_events_type_occurred_at",
                table: "registration_events",
                columns: new[] { "type", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_service_point_triggers_criterion_id",
                table: "service_point_triggers",
                column: "criterion_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_profiles_name",
                table: "service_profiles",
                column: "name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "public_identity_links");

            migrationBuilder.DropTable(
                name: "reg_event_subscriptions");

            migrationBuilder.DropTable(
                name: "registration_bindings");

            migrationBuilder.DropTable(
                name: "registration_events");

            migrationBuilder.DropTable(
                name: "service_point_triggers");

            migrationBuilder.DropTable(
                name: "private_identities");

            migrationBuilder.DropTable(
                name: "public_identities");

            migrationBuilder.DropTable(
                name: "initial_filter_criteria");

            migrationBuilder.DropTable(
                name: "ims_subscriptions");

            migrationBuilder.DropTable(
                name: "service_profiles");
        }
    }
}
