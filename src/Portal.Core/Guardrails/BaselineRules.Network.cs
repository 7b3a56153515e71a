namespace Portal.Core.Guardrails;

public static partial class BaselineRules
{
    public static GuardrailRule InternetGateway { get; } = new()
    {
        Id = "NET-001",
        Title = "No internet gateway in a project network",
        Severity = GuardrailSeverity.High,
        Rationale = "The project VPC has no route to the internet: packages come from the mirror, AWS APIs through endpoints. An internet gateway opens a path for data to leave. (The workshop's shared-services VPC has one; accept it there with a documented exception.)",
        Remediation = "Remove the internet gateway and its attachment; reach AWS services through VPC endpoints.",
        DocumentationTopic = "https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html",
        ResourceTypes = ["AWS::EC2::InternetGateway", "AWS::EC2::EgressOnlyInternetGateway"],
        Check = (_, resource) => [AtResource(resource, $"{resource.Type} '{resource.Id}' gives the network a path to the internet.")],
    };

    public static GuardrailRule NatGateway { get; } = new()
    {
        Id = "NET-002",
        Title = "No NAT gateway in a project network",
        Severity = GuardrailSeverity.High,
        Rationale = "A NAT gateway lets private subnets reach the internet, which defeats the no-internet perimeter of the project VPC.",
        Remediation = "Remove the NAT gateway; use VPC endpoints and the package mirror instead.",
        DocumentationTopic = "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html",
        ResourceTypes = ["AWS::EC2::NatGateway"],
        Check = (_, resource) => [AtResource(resource, $"NAT gateway '{resource.Id}' lets private subnets reach the internet.")],
    };

    public static GuardrailRule DefaultRouteToInternet { get; } = new()
    {
        Id = "NET-003",
        Title = "No default route (0.0.0.0/0) in a project network",
        Severity = GuardrailSeverity.High,
        Rationale = "A 0.0.0.0/0 or ::/0 route sends all unmatched traffic to a gateway, usually the internet. The project route table needs only the local and endpoint routes.",
        Remediation = "Remove the route; add gateway endpoints (S3) or interface endpoints for the services the project needs.",
        DocumentationTopic = "https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html",
        ResourceTypes = ["AWS::EC2::Route"],
        Check = (context, resource) =>
            Forbid(context, resource, "DestinationCidrBlock", IsAnywhere, cidr => $"The route sends {cidr} (all traffic) to a gateway")
                .Concat(Forbid(context, resource, "DestinationIpv6CidrBlock", IsAnywhere, cidr => $"The route sends {cidr} (all traffic) to a gateway")),
    };

    public static GuardrailRule IngressFromAnywhere { get; } = new()
    {
        Id = "NET-004",
        Title = "No security group ingress from anywhere",
        Severity = GuardrailSeverity.High,
        Rationale = "Ingress from 0.0.0.0/0 or ::/0 accepts connections from any address. Project security groups should allow traffic only from the project's own security groups or CIDR.",
        Remediation = "Replace the CIDR with the project VPC CIDR or a SourceSecurityGroupId.",
        DocumentationTopic = "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html",
        ResourceTypes = ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"],
        Check = (context, resource) =>
        {
            var prefix = resource.Type == "AWS::EC2::SecurityGroup" ? "SecurityGroupIngress[]." : string.Empty;
            return Forbid(context, resource, prefix + "CidrIp", IsAnywhere, cidr => $"Ingress is open to {cidr} (any address)")
                .Concat(Forbid(context, resource, prefix + "CidrIpv6", IsAnywhere, cidr => $"Ingress is open to {cidr} (any address)"));
        },
    };

    public static GuardrailRule InternetFacingLoadBalancer { get; } = new()
    {
        Id = "NET-005",
        Title = "Load balancers are internal",
        Severity = GuardrailSeverity.High,
        Rationale = "An internet-facing load balancer publishes a service to the internet. The workshop's PyPI mirror sits behind an internet-facing NLB in the shared-services VPC although it is only consumed through PrivateLink.",
        Remediation = "Set Scheme: internal. PrivateLink endpoint services work with internal Network Load Balancers.",
        DocumentationTopic = "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html",
        ResourceTypes = ["AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::ElasticLoadBalancing::LoadBalancer"],
        Check = (context, resource) =>
        {
            if (context.Resolve(resource, "Type").Any(t => t.Text is "gateway"))
            {
                return [];
            }

            return RequireValue(context, resource, "Scheme", "internal", "internet-facing");
        },
    };

    public static GuardrailRule PublicIpAddresses { get; } = new()
    {
        Id = "NET-006",
        Title = "No public IP addresses on tasks, instances or subnets",
        Severity = GuardrailSeverity.High,
        Rationale = "A public IP address makes a workload reachable from, and able to reach, the internet whenever a route exists. The workshop's package-mirror Fargate task runs with a public IP.",
        Remediation = "Set AssignPublicIp: DISABLED on ECS services and tasks, MapPublicIpOnLaunch: false on subnets and AssociatePublicIpAddress: false on instance network interfaces; reach AWS through VPC endpoints.",
        DocumentationTopic = "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html",
        ResourceTypes = ["AWS::ECS::Service", "AWS::EC2::Subnet", "AWS::EC2::Instance", "AWS::EC2::LaunchTemplate"],
        Check = (context, resource) => resource.Type switch
        {
            "AWS::ECS::Service" => Forbid(context, resource, "NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp", v => v.Equals("ENABLED", StringComparison.OrdinalIgnoreCase), v => $"AssignPublicIp is {v}: the task gets a public IP address"),
            "AWS::EC2::Subnet" => Forbid(context, resource, "MapPublicIpOnLaunch", v => v.Equals("true", StringComparison.OrdinalIgnoreCase), _ => "MapPublicIpOnLaunch is true: every instance in the subnet gets a public IP address"),
            "AWS::EC2::Instance" => Forbid(context, resource, "NetworkInterfaces[].AssociatePublicIpAddress", v => v.Equals("true", StringComparison.OrdinalIgnoreCase), _ => "AssociatePublicIpAddress is true: the instance gets a public IP address"),
            _ => Forbid(context, resource, "LaunchTemplateData.NetworkInterfaces[].AssociatePublicIpAddress", v => v.Equals("true", StringComparison.OrdinalIgnoreCase), _ => "AssociatePublicIpAddress is true: instances launched from the template get a public IP address"),
        },
    };
}

