using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KpuTriage.Core.Ledger;
using KpuTriage.Core.Review;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Review;

/// <summary>
/// Four eyes under attack, over the JSON API: a clerk lowering security to commit alone, a
/// clerk closing a letter a supervisor must decide, a co-approval that changes what was
/// approved or signs what its supervisor never saw, two decisions racing. Run once per
/// storage provider (the derived classes).
/// </summary>
public abstract class FourEyesSpecs : DeskOnEachStorage
{
    private static readonly string[] Archive = ["arsip"];
    private static readonly string[] FollowUp = ["tindak_lanjut"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Desk.AddPersonAsync(DecisionCalls.SecondSupervisor, "supervisor");
    }

    [Fact]
    public async Task Should_wait_for_a_supervisor_when_a_clerk_lowers_a_rahasia_letter_to_biasa()
    {
        var id = await Desk.SubmitForReviewAsync("rahasia.txt", DecisionCalls.Letter("Rahasia", "Klarifikasi Data Pemilih Ganda"));
        using var siti = await Desk.SignInAsync(Desk.ClerkName, Desk.PeoplePassword);
        using var budi = await Desk.SignInAsync(Desk.SupervisorName, Desk.PeoplePassword);

        var lowered = await siti.DecideAsync(id, new { action = "approve_with_corrections", corrections = new { security = "biasa" } });
        var committedAlone = await Desk.QueryAsync(db => db.Register.AnyAsync(e => e.DocumentId == id));
        var coApproved = await budi.DecideAsync(id, new { action = "approve" });

        Assert.Equal(HttpStatusCode.Accepted, lowered.Status);
        Assert.Equal("awaiting_co_approval", lowered.Body.GetProperty("status").GetString());
        Assert.Equal("security-lowered", lowered.Body.GetProperty("coApprovalReason").GetString());
        Assert.False(committedAlone);
        Assert.Equal(HttpStatusCode.OK, coApproved.Status);
        var entry = await Desk.QueryAsync(db => db.Register.AsNoTracking().FirstAsync(e => e.DocumentId == id));
        Assert.Equal(("biasa", Desk.ClerkName, Desk.SupervisorName), (entry.Security, entry.DecidedBy, entry.CoApprovedBy));
        var ledger = await Desk.QueryAsync(db => db.LedgerEntries.AsNoTracking().Where(e => e.Kind == LedgerKinds.Decision).SingleAsync());
        var clerks = JsonDocument.Parse(ledger.PayloadJson).RootElement.GetProperty("clerks");
        Assert.Equal(Desk.ClerkName, clerks.GetProperty("decidedBy").GetString());
        Assert.Equal(Desk.SupervisorName, clerks.GetProperty("coApprovedBy").GetString());
    }

    [Fact]
    public async Task Should_wait_for_a_supervisor_when_a_clerk_lowers_a_terbatas_letter_that_needs_no_four_eyes()
    {
        var id = await Desk.SubmitForReviewAsync("terbatas.txt", DecisionCalls.Letter("Terbatas", "Data Pemilih Disabilitas"));
        using var siti = await Desk.SignInAsync(Desk.ClerkName, Desk.PeoplePassword);

        var lowered = await siti.DecideAsync(id, new { action = "approve_with_corrections", corrections = new { security = "biasa" } });
        var againByClerk = await siti.DecideAsync(id, new { action = "approve" });

        Assert.Equal(HttpStatusCode.Accepted, lowered.Status);
        Assert.Equal("security-lowered", lowered.Body.GetProperty("coApprovalReason").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, againByClerk.Status);
        Assert.Equal("needs-supervisor", againByClerk.Body.Code());
        Assert.False(await Desk.QueryAsync(db => db.Register.AnyAsync(e => e.DocumentId == id)));
    }

    [Fact]
    public async Task Should_commit_at_once_when_a_clerk_raises_security_to_a_class_without_four_eyes()
    {
        var id = await Desk.SubmitForReviewAsync("biasa.txt", DecisionCalls.Letter("Biasa", "Permohonan Data Pemilih"));
        using var siti = await Desk.SignInAsync(Desk.ClerkName, Desk.PeoplePassword);

        var raised = await siti.DecideAsync(id, new { action = "approve_with_corrections", corrections = new { security = "terbatas" } });

        Assert.Equal(HttpStatusCode.OK, raised.Status);
        Assert.Equal("committed", raised.Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Should_keep_four_eyes_when_a_clerk_corrects_every_other_field_of_a_rahasia_letter()
    {
        var id = await Desk.SubmitForReviewAsync("rahasia.txt", DecisionCalls.Letter("Rahasia", "Klarifikasi Data Pemilih Ganda"));
        using var siti = await Desk.SignInAsync(Desk.ClerkName, Desk.PeoplePassword);

        var corrected = await siti.DecideAsync(id, new
        {
            action = "approve_with_corrections",
            corrections = new Dictionary<string, string>
            {
                ["letterType"] = "surat_dinas", ["register"] = "sekretaris", ["unit"] = "subbag_kul", ["archiveCode"] = "TU",
                ["summary"] = "Ringkasan lain.", ["perihal"] = "Perihal lain", ["sender"] = "Pengirim lain", ["letterNumber"] = "1/X/2025",
            },
            disposition = new { actions = Archive, note = "arsipkan saja" },
        });

        Assert.Equal(HttpStatusCode.Accepted, corrected.Status);
        Assert.Equal("security-needs-four-eyes", corrected.Body.GetProperty("coApprovalReason").GetString());
        Assert.False(await Desk.QueryAsync(db => db.Register.AnyAsync(e => e.DocumentId == id)));
    }

    [Fact]
    public async Task Should_refuse_a_clerk_who_rejects_or_sends_back_a_rahasia_letter_and_let_a_supervisor()
    {
        var id = await Desk.SubmitForReviewAsync("rahasia.txt", DecisionCalls.Letter("Rahasia", "Klarifikasi Data Pemilih Ganda"));
        using var siti = await Desk.SignInAsync(Desk.ClerkName, Desk.PeoplePassword);
        using var budi = await Desk.SignInAsync(Desk.SupervisorName, Desk.PeoplePassword);

        var rejected = await siti.DecideAsync(id, new { action = "reject", reason = "bukan surat" });
        var sentBack = await siti.DecideAsync(id, new { action = "send_back" });
        var state = await Desk.QueryAsync(db => db.ReviewItems.AsNoTracking().Where(i => i.DocumentId == id).Select(i => i.State).FirstAsync());
        var bySupervisor = await budi.DecideAsync(id, new { action = "reject", reason = "salah kirim" });

        Assert.Equal((HttpStatusCode.Forbidden, "four-eyes-close"), (rejected.Status, rejected.Body.Code()));
        Assert.Equal((HttpStatusCode.Forbidden, "four-eyes-close"), (sentBack.Status, sentBack.Body.Code()));
        Assert.Equal(ReviewState.Open, state);
        Assert.Equal(HttpStatusCode.OK, bySupervisor.Status);
    }

    [Fact]
    public async Task Should_refuse_a_clerk_who_rejects_a_letter_a_supervisor_first_approved_and_record_both_supervisors()
    {
        var id = await Desk.SubmitForReviewAsync("rahasia.txt", DecisionCalls.Letter("Rahasia", "Klarifikasi Data Pemilih Ganda"));
        using var siti = await Desk.SignInAsync(Desk.ClerkName, Desk.PeoplePassword);
        using var budi = await Desk.SignInAsync(Desk.SupervisorName, Desk.PeoplePassword);
        using var rina = await Desk.SignInAsync(DecisionCalls.SecondSupervisor, Desk.PeoplePassword);

        var first = await budi.DecideAsync(id, new { action = "approve" });
        var rejectedByClerk = await siti.DecideAsync(id, new { action = "reject", reason = "bukan surat" });
        var sentBackByClerk = await siti.DecideAsync(id, new { action = "send_back" });
        var rejected = await rina.DecideAsync(id, new { action = "reject", reason = "surat palsu" });

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal((HttpStatusCode.Forbidden, "four-eyes-close"), (rejectedByClerk.Status, rejectedByClerk.Body.Code()));
        Assert.Equal((HttpStatusCode.Forbidden, "four-eyes-close"), (sentBackByClerk.Status, sentBackByClerk.Body.Code()));
        Assert.Equal(HttpStatusCode.OK, rejected.Status);
        var item = await budi.GetFromJsonAsync<JsonElement>($"/api/v1/review/{id}");
        Assert.Equal("rejected", item.GetProperty("state").GetString());
        Assert.Equal(Desk.SupervisorName, item.GetProperty("firstApprovedBy").GetString());
        Assert.Equal(DecisionCalls.SecondSupervisor, item.GetProperty("decidedBy").GetString());
        Assert.Equal("surat palsu", item.GetProperty("rejectionReason").GetString());
    }

    [Fact]
    public async Task Should_let_the_first_approving_supervisor_withdraw_the_letter_by_sending_it_back()
    {
        var id = await Desk.SubmitForReviewAsync("rahasia.txt", DecisionCalls.Letter("Rahasia", "Klarifikasi Data Pemilih Ganda"));
        using var budi = await Desk.SignInAsync(Desk.SupervisorName, Desk.PeoplePassword);

        var first = await budi.DecideAsync(id, new { action = "approve_with_corrections", corrections = new { security = "biasa" } });
        var withdrawn = await budi.DecideAsync(id, new { action = "send_back" });

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.Accepted, withdrawn.Status);
        Assert.Equal("sent_back", withdrawn.Body.GetProperty("status").GetString());
        Assert.False(await Desk.QueryAsync(db => db.Register.AnyAsync(e => e.DocumentId == id)));
    }

    [Fact]
    public async Task Should_refuse_the_first_approver_as_co_approver_when_one_account_holds_both_roles()
    {
        await Desk.AddPersonAsync("yani", "clerk", "supervisor");
        var id = await Desk.SubmitForReviewAsync("rahasia.txt", DecisionCalls.Letter("Rahasia", "Klarifikasi Data Pemilih Ganda"));
        using var yani = await Desk.SignInAsync("yani", Desk.PeoplePassword);

        var first = await yani.DecideAsync(id, new { action = "approve" });
        var again = await yani.DecideAsync(id, new { action = "approve" });

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal((HttpStatusCode.Forbidden, "first-approver"), (again.Status, again.Body.Code()));
        Assert.False(await Desk.QueryAsync(db => db.Register.AnyAsync(e => e.DocumentId == id)));
    }

    [Fact]
    public async Task Should_refuse_a_co_approval_that_brings_its_own_disposition()
    {
        var id = await Desk.SubmitForReviewAsync("rahasia.txt", DecisionCalls.Letter("Rahasia", "Klarifikasi Data Pemilih Ganda"));
        using var siti = await Desk.SignInAsync(Desk.ClerkName, Desk.PeoplePassword);
        using var budi = await Desk.SignInAsync(Desk.SupervisorName, Desk.PeoplePassword);

        await siti.DecideAsync(id, new { action = "approve", disposition = new { actions = FollowUp } });
        var changed = await budi.DecideAsync(id, new { action = "approve", disposition = new { actions = Archive, note = "arsipkan" } });

        Assert.Equal((HttpStatusCode.BadRequest, "co-approval-corrections"), (changed.Status, changed.Body.Code()));
        Assert.False(await Desk.QueryAsync(db => db.Register.AnyAsync(e => e.DocumentId == id)));
    }

    [Fact]
    public async Task Should_refuse_a_co_approval_of_a_first_approval_made_after_the_supervisor_looked()
    {
        var id = await Desk.SubmitForReviewAsync("rahasia.txt", DecisionCalls.Letter("Rahasia", "Klarifikasi Data Pemilih Ganda"));
        using var siti = await Desk.SignInAsync(Desk.ClerkName, Desk.PeoplePassword);
        using var budi = await Desk.SignInAsync(Desk.SupervisorName, Desk.PeoplePassword);
        var seen = (await budi.GetFromJsonAsync<JsonElement>($"/api/v1/review/{id}")).GetProperty("version").GetInt32();

        await siti.DecideAsync(id, new { action = "approve_with_corrections", corrections = new { security = "biasa" } });
        var blind = await budi.DecideAsync(id, new { action = "approve", version = seen });
        var now = (await budi.GetFromJsonAsync<JsonElement>($"/api/v1/review/{id}")).GetProperty("version").GetInt32();
        var looked = await budi.DecideAsync(id, new { action = "approve", version = now });

        Assert.Equal((HttpStatusCode.Conflict, "item-changed"), (blind.Status, blind.Body.Code()));
        Assert.Equal(HttpStatusCode.OK, looked.Status);
    }

    [Fact]
    public async Task Should_commit_once_when_two_supervisors_co_approve_at_the_same_moment()
    {
        var id = await Desk.SubmitForReviewAsync("rahasia.txt", DecisionCalls.Letter("Rahasia", "Klarifikasi Data Pemilih Ganda"));
        using var siti = await Desk.SignInAsync(Desk.ClerkName, Desk.PeoplePassword);
        using var budi = await Desk.SignInAsync(Desk.SupervisorName, Desk.PeoplePassword);
        using var rina = await Desk.SignInAsync(DecisionCalls.SecondSupervisor, Desk.PeoplePassword);
        await siti.DecideAsync(id, new { action = "approve" });

        var answers = await Task.WhenAll(budi.DecideAsync(id, new { action = "approve" }), rina.DecideAsync(id, new { action = "approve" }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.Status).Order());
        Assert.Equal(1, await Desk.QueryAsync(db => db.Register.CountAsync(e => e.DocumentId == id)));
    }

    [Fact]
    public async Task Should_name_the_co_approver_in_the_documents_record()
    {
        var id = await Desk.SubmitForReviewAsync("rahasia.txt", DecisionCalls.Letter("Rahasia", "Klarifikasi Data Pemilih Ganda"));
        using var siti = await Desk.SignInAsync(Desk.ClerkName, Desk.PeoplePassword);
        using var budi = await Desk.SignInAsync(Desk.SupervisorName, Desk.PeoplePassword);
        await siti.DecideAsync(id, new { action = "approve" });
        await budi.DecideAsync(id, new { action = "approve" });

        var record = (await Desk.DocumentAsync(id)).GetProperty("record");
        var reviewed = (await budi.GetFromJsonAsync<JsonElement>($"/api/v1/review/{id}")).GetProperty("document").GetProperty("record");

        Assert.Equal(Desk.ClerkName, record.GetProperty("decidedBy").GetString());
        Assert.Equal(Desk.SupervisorName, record.GetProperty("coApprovedBy").GetString());
        Assert.True(record.GetProperty("coApprovedAt").GetDateTimeOffset() >= record.GetProperty("decidedAt").GetDateTimeOffset());
        Assert.Equal(Desk.SupervisorName, reviewed.GetProperty("coApprovedBy").GetString());
    }
}
