// App Service plan (Linux) and the LearnFit web app: Node 24 LTS, https only, TLS 1.2+, no FTP, VNet
// integration with all outbound traffic routed through the VNet (PostgreSQL and a private Key Vault are
// only reachable there), and a user-assigned identity that resolves the Key Vault references.

@description('Azure region of the plan and the app.')
param location string

@description('Name of the App Service plan.')
param planName string

@description('Name of the web app (globally unique; becomes <name>.azurewebsites.net).')
param siteName string

@description('Plan SKU: B1 suits a pilot, P1v3 production.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param skuName string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Subnet (delegated to Microsoft.Web/serverFarms) the app integrates with.')
param appSubnetId string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Key Vault secret URI of DATABASE_URL.')
param databaseUrlSecretUri string

@description('Key Vault secret URI of AAD_CLIENT_SECRET.')
param aadClientSecretUri string

@description('Key Vault secret URI of BOT_PASSWORD.')
param botPasswordSecretUri string

@description('Key Vault secret URI of PSEUDONYM_KEY.')
param pseudonymKeySecretUri string

@description('Client id of the Entra app registration (SSO/OBO).')
param aadAppClientId string

@description('Comma-separated tenant ids whose users may sign in.')
param allowedTenants string

@description('Microsoft App ID of the bot.')
param botAppId string

@description('Tenant of the single-tenant bot registration.')
param botTenantId string

@description('Teams app id (manifest id).')
param teamsAppId string

@description('Smallest group an aggregate may describe.')
@minValue(5)
param kThreshold int

@description('Days snapshots and collection staging are kept.')
param retentionDays int

@description('Collection runs this instance works on at once.')
param workerConcurrency int

@description('Server log level.')
param logLevel string

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: {
    name: skuName
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: siteName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Every request may land on any instance: sessions live in tokens and PostgreSQL, not in memory.
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    virtualNetworkSubnetId: appSubnetId
    vnetRouteAllEnabled: true
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      appCommandLine: 'node api/dist/main.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      remoteDebuggingEnabled: false
      healthCheckPath: '/healthz'
    }
  }
}

// FTP publishing credentials are never needed (ftpsState is Disabled). SCM basic auth stays as it is:
// the Agents Toolkit's azureAppService/zipDeploy may use publishing credentials.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

// App settings are a child resource because PUBLIC_URL needs the site's own default host name.
// Secrets appear only as Key Vault references, resolved by the user-assigned identity above.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    NODE_ENV: 'production'
    LEARNFIT_MODE: 'production'
    PUBLIC_URL: 'https://${site.properties.defaultHostName}'
    DATABASE_URL: '@Microsoft.KeyVault(SecretUri=${databaseUrlSecretUri})'
    AAD_CLIENT_ID: aadAppClientId
    AAD_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${aadClientSecretUri})'
    AAD_ALLOWED_TENANTS: allowedTenants
    BOT_ID: botAppId
    BOT_PASSWORD: '@Microsoft.KeyVault(SecretUri=${botPasswordSecretUri})'
    // A single-tenant bot takes its tokens from its own tenant (api/src/config.ts BOT_TENANT_ID).
    BOT_TENANT_ID: botTenantId
    TEAMS_APP_ID: teamsAppId
    PSEUDONYM_KEY: '@Microsoft.KeyVault(SecretUri=${pseudonymKeySecretUri})'
    K_THRESHOLD: string(kThreshold)
    RETENTION_DAYS: string(retentionDays)
    WORKER_CONCURRENCY: string(workerConcurrency)
    LOG_LEVEL: logLevel
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
    // The deploy step uploads a built tree (api/dist, tabs/dist, node_modules from `npm ci`), so the zip is
    // mounted read-only as wwwroot and `node api/dist/main.js` runs straight from it; with DATABASE_URL set
    // the server writes nothing under wwwroot. No Oryx build on the server.
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  }
}

output defaultHostName string = site.properties.defaultHostName
output siteId string = site.id
