using System.Net;
using Portal.Aws.Tests.Fakes;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Stacks;

namespace Portal.Aws.Tests.Protocols;

/// <summary>AWS Query as IAM and CloudFormation speak it: form bodies, member lists, XML results and errors.</summary>
public sealed class QueryProtocolTests
{
    private const string IamNs = "https://iam.amazonaws.com/doc/2010-05-08/";
    private const string CfnNs = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_role_sends_the_form_body_the_cli_sends_and_decodes_the_trust_policy()
    {
        var network = new RecordingHandler().ReplyXml($"""
            <GetRoleResponse xmlns="{IamNs}"><GetRoleResult><Role>
              <Path>/</Path><RoleName>r+1</RoleName><RoleId>AROA1</RoleId><Arn>arn:aws:iam::000000000000:role/r+1</Arn>
              <CreateDate>2024-01-15T12:34:56Z</CreateDate>
              <AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D</AssumeRolePolicyDocument>
              <MaxSessionDuration>3600</MaxSessionDuration>
              <Tags><member><Key>project</Key><Value>p1</Value></member></Tags>
            </Role></GetRoleResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></GetRoleResponse>
            """);
        using var host = AwsTestHost.Create(network);

        var role = await host.Get<IRoleGateway>().GetRoleAsync(ActingIdentity.Portal, "r+1", Ct);

        var request = Assert.Single(network.Requests);
        Assert.Equal("Action=GetRole&Version=2010-05-08&RoleName=r%2B1", request.BodyText);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.Header("Content-Type"));
        Assert.Null(request.Header("X-Amz-Target"));
        Assert.Contains("/eu-west-1/iam/aws4_request", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal("""{"Version":"2012-10-17","Statement":[]}""", role.Value.TrustPolicyDocument);
        Assert.Equal("arn:aws:iam::000000000000:role/r+1", role.Value.Role.Arn);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 12, 34, 56, TimeSpan.Zero), role.Value.Role.CreatedAt);
        Assert.Equal(3600, role.Value.MaxSessionDurationSeconds);
        Assert.Equal(new ResourceTag("project", "p1"), Assert.Single(role.Value.Tags));
    }

    [Fact]
    public async Task Simulation_sends_member_lists_and_reads_each_decision()
    {
        var network = new RecordingHandler().ReplyXml($"""
            <SimulatePrincipalPolicyResponse xmlns="{IamNs}"><SimulatePrincipalPolicyResult><IsTruncated>false</IsTruncated><EvaluationResults>
              <member><EvalActionName>sagemaker:CreatePresignedNotebookInstanceUrl</EvalActionName><EvalResourceName>*</EvalResourceName><EvalDecision>explicitDeny</EvalDecision>
                <MatchedStatements><member><SourcePolicyId>deny-internet</SourcePolicyId></member></MatchedStatements>
                <MissingContextValues><member>sagemaker:DirectInternetAccess</member></MissingContextValues></member>
            </EvaluationResults></SimulatePrincipalPolicyResult></SimulatePrincipalPolicyResponse>
            """);
        using var host = AwsTestHost.Create(network);

        var results = await host.Get<IPolicySimulationGateway>().SimulateAsync(
            ActingIdentity.Portal,
            new PolicySimulationRequest(
                "arn:aws:iam::000000000000:role/ds-user",
                ["sagemaker:CreatePresignedNotebookInstanceUrl"],
                ["*"],
                [new PolicyContextEntry("sagemaker:RootAccess", "string", ["Enabled"])]),
            Ct);

        var form = Assert.Single(network.Requests);
        Assert.Equal("SimulatePrincipalPolicy", form.FormValue("Action"));
        Assert.Equal("arn:aws:iam::000000000000:role/ds-user", form.FormValue("PolicySourceArn"));
        Assert.Equal("sagemaker:CreatePresignedNotebookInstanceUrl", form.FormValue("ActionNames.member.1"));
        Assert.Equal("*", form.FormValue("ResourceArns.member.1"));
        Assert.Contains("ResourceArns.member.1=%2A", form.BodyText, StringComparison.Ordinal);
        Assert.Equal("sagemaker:RootAccess", form.FormValue("ContextEntries.member.1.ContextKeyName"));
        Assert.Equal("Enabled", form.FormValue("ContextEntries.member.1.ContextKeyValues.member.1"));
        Assert.Equal("string", form.FormValue("ContextEntries.member.1.ContextKeyType"));
        var result = Assert.Single(results.Value);
        Assert.False(result.IsAllowed);
        Assert.Equal("explicitDeny", result.Decision);
        Assert.Equal(["deny-internet"], result.MatchedStatementIds);
        Assert.Equal(["sagemaker:DirectInternetAccess"], result.MissingContextKeys);
    }

    [Fact]
    public async Task Role_listing_follows_the_marker_while_truncated()
    {
        var network = new RecordingHandler()
            .ReplyXml($"""<ListRolesResponse xmlns="{IamNs}"><ListRolesResult><IsTruncated>true</IsTruncated><Marker>m2</Marker><Roles><member><RoleName>a</RoleName><Arn>arn:a</Arn></member></Roles></ListRolesResult></ListRolesResponse>""")
            .ReplyXml($"""<ListRolesResponse xmlns="{IamNs}"><ListRolesResult><IsTruncated>false</IsTruncated><Roles><member><RoleName>b</RoleName><Arn>arn:b</Arn></member></Roles></ListRolesResult></ListRolesResponse>""");
        using var host = AwsTestHost.Create(network);

        var roles = await host.Get<IRoleGateway>().ListRolesAsync(ActingIdentity.Portal, "/ds/", Ct).ToListAsync(Ct);

        Assert.Equal(["a", "b"], roles.Select(r => r.RoleName));
        Assert.Null(network.Requests[0].FormValue("Marker"));
        Assert.Equal("m2", network.Requests[1].FormValue("Marker"));
        Assert.Equal("/ds/", network.Requests[1].FormValue("PathPrefix"));
    }

    [Fact]
    public async Task Inline_policy_documents_arrive_url_encoded_and_are_returned_decoded()
    {
        var network = new RecordingHandler().ReplyXml($"""
            <GetRolePolicyResponse xmlns="{IamNs}"><GetRolePolicyResult><RoleName>r</RoleName><PolicyName>p</PolicyName>
            <PolicyDocument>%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Deny%22%2C%22Action%22%3A%22s3%3A%2A%22%7D%5D%7D</PolicyDocument></GetRolePolicyResult></GetRolePolicyResponse>
            """);
        using var host = AwsTestHost.Create(network);

        var document = await host.Get<IRoleGateway>().GetInlinePolicyAsync(ActingIdentity.Portal, "r", "p", Ct);

        Assert.Equal("""{"Statement":[{"Effect":"Deny","Action":"s3:*"}]}""", document.Value);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "NoSuchEntity", ErrorKind.NotFound)]
    [InlineData(HttpStatusCode.Conflict, "EntityAlreadyExists", ErrorKind.Conflict)]
    [InlineData(HttpStatusCode.Conflict, "LimitExceeded", ErrorKind.LimitExceeded)]
    [InlineData(HttpStatusCode.BadRequest, "MalformedPolicyDocument", ErrorKind.Validation)]
    [InlineData(HttpStatusCode.Forbidden, "AccessDenied", ErrorKind.Denied)]
    public async Task Query_errors_become_portal_errors_that_keep_code_message_and_request_id(HttpStatusCode status, string code, ErrorKind kind)
    {
        var network = new RecordingHandler().ReplyXml(
            $"""<ErrorResponse xmlns="{IamNs}"><Error><Type>Sender</Type><Code>{code}</Code><Message>The role with name r cannot be used.</Message></Error><RequestId>req-7</RequestId></ErrorResponse>""",
            status);
        using var host = AwsTestHost.Create(network);

        var result = await host.Get<IRoleGateway>().GetRoleAsync(ActingIdentity.Portal, "r", Ct);

        Assert.Equal(kind, result.Error!.Kind);
        Assert.Equal(code, result.Error.Code);
        Assert.Contains("The role with name r cannot be used.", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("req-7", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_stack_sends_capabilities_parameters_tags_and_a_client_request_token()
    {
        var network = new RecordingHandler().ReplyXml($"""<CreateStackResponse xmlns="{CfnNs}"><CreateStackResult><StackId>arn:aws:cloudformation:eu-west-1:000000000000:stack/ds/1</StackId></CreateStackResult></CreateStackResponse>""");
        using var host = AwsTestHost.Create(network);

        var stackId = await host.Get<IStackGateway>().CreateStackAsync(
            ActingIdentity.Portal,
            new NewStack(
                "ds",
                StackTemplate.FromUrl("https://bucket.s3.amazonaws.com/ds_administration.yaml"),
                [new StackParameter("QuickstartMode", "true"), new StackParameter("S", null, UsePreviousValue: true)],
                ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"],
                [new ResourceTag("owner", "platform")]),
            Ct);

        Assert.Equal("arn:aws:cloudformation:eu-west-1:000000000000:stack/ds/1", stackId.Value);
        var form = Assert.Single(network.Requests);
        Assert.Equal("CreateStack", form.FormValue("Action"));
        Assert.Equal("2010-05-15", form.FormValue("Version"));
        Assert.Equal("CAPABILITY_AUTO_EXPAND", form.FormValue("Capabilities.member.3"));
        Assert.Equal("QuickstartMode", form.FormValue("Parameters.member.1.ParameterKey"));
        Assert.Equal("true", form.FormValue("Parameters.member.1.ParameterValue"));
        Assert.Equal("true", form.FormValue("Parameters.member.2.UsePreviousValue"));
        Assert.Null(form.FormValue("Parameters.member.2.ParameterValue"));
        Assert.Equal("owner", form.FormValue("Tags.member.1.Key"));
        Assert.Matches("^[a-zA-Z0-9][a-zA-Z0-9_-]*$", form.FormValue("ClientRequestToken"));
        Assert.Contains("/eu-west-1/cloudformation/aws4_request", form.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_stack_reads_status_outputs_and_parameters()
    {
        var network = new RecordingHandler().ReplyXml($"""
            <DescribeStacksResponse xmlns="{CfnNs}"><DescribeStacksResult><Stacks><member>
              <StackId>arn:s</StackId><StackName>ds</StackName><StackStatus>CREATE_IN_PROGRESS</StackStatus><CreationTime>2024-01-15T12:34:56.789Z</CreationTime>
              <Parameters><member><ParameterKey>S</ParameterKey><ParameterValue>sagemaker</ParameterValue></member></Parameters>
              <Outputs><member><OutputKey>AdminRoleArn</OutputKey><OutputValue>arn:aws:iam::000000000000:role/admin</OutputValue><ExportName>ds-admin</ExportName></member></Outputs>
              <Capabilities><member>CAPABILITY_IAM</member></Capabilities>
            </member></Stacks></DescribeStacksResult></DescribeStacksResponse>
            """);
        using var host = AwsTestHost.Create(network);

        var stack = await host.Get<IStackGateway>().DescribeStackAsync(ActingIdentity.Portal, "ds", Ct);

        Assert.True(stack.Value.IsInProgress);
        Assert.Equal(new StackOutput("AdminRoleArn", "arn:aws:iam::000000000000:role/admin", null, "ds-admin"), Assert.Single(stack.Value.Outputs));
        Assert.Equal(new StackParameter("S", "sagemaker"), Assert.Single(stack.Value.Parameters));
        Assert.Equal(["CAPABILITY_IAM"], stack.Value.Capabilities);
        Assert.Equal(789, stack.Value.CreatedAt!.Value.Millisecond);
    }

    [Fact]
    public async Task A_missing_stack_reported_as_a_validation_error_is_not_found()
    {
        var network = new RecordingHandler().ReplyXml(
            $"""<ErrorResponse xmlns="{CfnNs}"><Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id ds does not exist</Message></Error><RequestId>req-9</RequestId></ErrorResponse>""",
            HttpStatusCode.BadRequest);
        using var host = AwsTestHost.Create(network);

        var stack = await host.Get<IStackGateway>().DescribeStackAsync(ActingIdentity.Portal, "ds", Ct);

        Assert.Equal(ErrorKind.NotFound, stack.Error!.Kind);
        Assert.Equal("ValidationError", stack.Error.Code);
    }

    [Fact]
    public async Task A_template_given_both_inline_and_by_url_is_refused_before_any_call()
    {
        var network = new RecordingHandler();
        using var host = AwsTestHost.Create(network);

        var result = await host.Get<IStackGateway>().ValidateTemplateAsync(ActingIdentity.Portal, new StackTemplate("{}", "https://x/t.yaml"), Ct);

        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        Assert.Empty(network.Requests);
    }

    [Fact]
    public async Task A_response_that_is_not_xml_is_reported_as_unavailable_not_thrown()
    {
        var network = new RecordingHandler().ReplyXml("<GetRoleResponse><unclosed>");
        using var host = AwsTestHost.Create(network);

        var result = await host.Get<IRoleGateway>().GetRoleAsync(ActingIdentity.Portal, "r", Ct);

        Assert.Equal(ErrorKind.Unavailable, result.Error!.Kind);
        Assert.Equal("MalformedResponse", result.Error.Code);
    }
}
