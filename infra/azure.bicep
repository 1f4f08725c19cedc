// LearnFit in one resource group: web app + plan, PostgreSQL (private), Key Vault (secrets, RBAC),
// Azure Bot with the Teams channel, Application Insights, and the VNet that joins them.
// Deployed by `arm/deploy` in m365agents.yml with infra/azure.parameters.<env>.json. The outputs are
// named like the env variables the package step reads (TAB_DOMAIN, TAB_ENDPOINT, BOT_ID, ...).

@description('Prefix of every resource name: lower-case letters and digits, e.g. learnfit + a random suffix.')
@minLength(3)
@maxLength(20)
param resourceBaseName string

@description('Azure region of the regional resources.')
param location string = resourceGroup().location

@description('Client id of the Entra app registration for tab SSO and OBO (aadApp/create).')
param aadAppClientId string

@secure()
@description('Client secret of that registration; stored only in Key Vault.')
param aadAppClientSecret string

@description('Microsoft App ID of the bot registration (botAadApp/create).')
param botAppId string

@secure()
@description('Client secret of the bot registration; stored only in Key Vault.')
param botPassword string

@description('Teams app id (teamsApp/create), used in bot card deep links.')
param teamsAppId string

@secure()
@minLength(32)
@description('HMAC key of stored pseudonyms. Keep it stable: a new key re-keys every pseudonym.')
param pseudonymKey string

@description('PostgreSQL administrator login.')
param postgresAdminLogin string = 'learnfitadmin'

@secure()
@minLength(12)
@description('PostgreSQL administrator password; ends up only inside the database-url secret.')
param postgresAdminPassword string

@description('Tenants whose users may sign in (comma list). Empty: only the tenant this is deployed in.')
param allowedTenantIds string = ''

@description('App Service plan SKU (B1 for dev, P1v3 for production).')
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
param appServicePlanSku string = 'B1'

@description('PostgreSQL compute SKU.')
param postgresSkuName string = 'Standard_B1ms'

@description('PostgreSQL compute tier (Burstable has no high availability).')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@description('PostgreSQL storage in GiB.')
param postgresStorageSizeGB int = 32

@description('PostgreSQL backup retention in days (7-35).')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 7

@description('PostgreSQL high availability: Disabled (dev) or ZoneRedundant (production).')
@allowed([
  'Disabled'
  'SameZone'
  'ZoneRedundant'
])
param postgresHighAvailability string = 'Disabled'

@description('Key Vault data-plane access from the internet; Disabled adds a private endpoint in the VNet.')
@allowed([
  'Enabled'
  'Disabled'
])
param keyVaultPublicNetworkAccess string = 'Enabled'

@description('Address space of the VNet.')
param vnetAddressPrefix string = '10.40.0.0/16'

@description('Subnet of the web app\'s VNet integration.')
param appSubnetPrefix string = '10.40.0.0/24'

@description('Subnet delegated to PostgreSQL.')
param postgresSubnetPrefix string = '10.40.1.0/24'

@description('Subnet of private endpoints.')
param privateEndpointSubnetPrefix string = '10.40.2.0/24'

@description('Days Log Analytics keeps logs.')
param logRetentionInDays int = 30

@description('Azure Bot SKU.')
@allowed([
  'F0'
  'S1'
])
param botServiceSku string = 'F0'

@description('Smallest group an aggregate may describe (K_THRESHOLD); never below 5.')
@minValue(5)
@maxValue(100)
param kThreshold int = 5

@description('Days snapshots and collection staging are kept (RETENTION_DAYS).')
@minValue(7)
@maxValue(3650)
param retentionDays int = 180

@description('Collection runs one instance works on at once (WORKER_CONCURRENCY).')
@minValue(0)
@maxValue(16)
param workerConcurrency int = 2

@description('Server log level (LOG_LEVEL).')
@allowed([
  'debug'
  'info'
  'warn'
  'error'
])
param logLevel string = 'info'

var databaseName = 'learnfit'
var allowedTenants = empty(allowedTenantIds) ? tenant().tenantId : allowedTenantIds

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

module network 'modules/network.bicep' = {
  name: 'learnfit-network'
  params: {
    location: location
    vnetName: '${resourceBaseName}-vnet'
    addressPrefix: vnetAddressPrefix
    appSubnetPrefix: appSubnetPrefix
    postgresSubnetPrefix: postgresSubnetPrefix
    privateEndpointSubnetPrefix: privateEndpointSubnetPrefix
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'learnfit-monitoring'
  params: {
    location: location
    workspaceName: '${resourceBaseName}-logs'
    appInsightsName: '${resourceBaseName}-insights'
    retentionInDays: logRetentionInDays
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'learnfit-postgres'
  params: {
    location: location
    serverName: '${resourceBaseName}-pg'
    databaseName: databaseName
    adminLogin: postgresAdminLogin
    adminPassword: postgresAdminPassword
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    storageSizeGB: postgresStorageSizeGB
    backupRetentionDays: postgresBackupRetentionDays
    highAvailability: postgresHighAvailability
    delegatedSubnetId: network.outputs.postgresSubnetId
    vnetId: network.outputs.vnetId
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'learnfit-key-vault'
  params: {
    location: location
    vaultName: '${resourceBaseName}-kv'
    publicNetworkAccess: keyVaultPublicNetworkAccess
    readerPrincipalId: identity.properties.principalId
    privateEndpointSubnetId: network.outputs.privateEndpointSubnetId
    vnetId: network.outputs.vnetId
    postgresFqdn: postgres.outputs.fqdn
    postgresAdminLogin: postgresAdminLogin
    databaseName: postgres.outputs.dbName
    postgresAdminPassword: postgresAdminPassword
    aadAppClientSecret: aadAppClientSecret
    botPassword: botPassword
    pseudonymKey: pseudonymKey
  }
}

module webApp 'modules/web-app.bicep' = {
  name: 'learnfit-web-app'
  params: {
    location: location
    planName: '${resourceBaseName}-plan'
    siteName: resourceBaseName
    skuName: appServicePlanSku
    identityId: identity.id
    appSubnetId: network.outputs.appSubnetId
    appInsightsConnectionString: monitoring.outputs.connectionString
    databaseUrlSecretUri: keyVault.outputs.databaseUrlSecretUri
    aadClientSecretUri: keyVault.outputs.aadClientSecretUri
    botPasswordSecretUri: keyVault.outputs.botPasswordSecretUri
    pseudonymKeySecretUri: keyVault.outputs.pseudonymKeySecretUri
    aadAppClientId: aadAppClientId
    allowedTenants: allowedTenants
    botAppId: botAppId
    botTenantId: tenant().tenantId
    teamsAppId: teamsAppId
    kThreshold: kThreshold
    retentionDays: retentionDays
    workerConcurrency: workerConcurrency
    logLevel: logLevel
  }
}

module bot 'modules/bot.bicep' = {
  name: 'learnfit-bot'
  params: {
    botName: '${resourceBaseName}-bot'
    displayName: 'LearnFit (${resourceBaseName})'
    botAppId: botAppId
    endpointHost: webApp.outputs.defaultHostName
    sku: botServiceSku
  }
}

// Read by the package step and by later lifecycle actions; never a secret.
output TAB_DOMAIN string = webApp.outputs.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.outputs.defaultHostName}'
output BOT_ID string = botAppId
output AAD_APP_CLIENT_ID string = aadAppClientId
output TEAMS_APP_ID string = teamsAppId
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.outputs.siteId
output KEY_VAULT_NAME string = keyVault.outputs.vaultName
output POSTGRES_SERVER_FQDN string = postgres.outputs.fqdn
