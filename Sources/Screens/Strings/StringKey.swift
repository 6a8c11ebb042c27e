/// Keys of the string catalogs (Resources/strings/<language>/*.json). A test checks that every catalog has exactly
/// these keys, so a missing translation fails the build, not the user. Grouped by the part of the program
/// that shows them; a new key goes in its group and in both catalogs.
public enum StringKey: String, CaseIterable, Sendable {
    // The application frame and the roster
    case appShortName, demoBanner, keyHelp, helpTitle, helpFooter, helpKeyHelp, helpKeyCtrlC, quitTitle
    case quitUnsavedQuestion, yes, no, windowTooSmall, errorReadingData, errorSaving, storageDiskFull
    case storageUnwritable, storageBusy, storageRecordGone, keyAdd, keySearch, keyEdit, keyFilter, keySort, keyDelete
    case keySettings, keyQuit, keySave, keyClose, keyAddVenue, keyRemoveVenue, rosterTitle, rosterCount
    case rosterEmptyHint, rosterNoMatch, rosterCannotDelete, searchLabel, searchHint, filterLabel, filterAll
    case columnCode, columnName, columnCommune, columnModel, columnStatus, columnFacilities, columnUpdated
    case columnRecorded, columnChange, columnDecision, helpRosterAdd, helpRosterSearch, helpRosterEdit
    case helpRosterFilter, helpRosterSort, helpRosterReverse, helpRosterHistory, helpRosterDelete, helpRosterSettings
    case helpRosterQuit, helpTableMove, detailAddress, detailEstablished, detailDecision, detailRecordedAt
    case detailNone, decisionSummary, mergedIntoSummary, venueCount, pilotBadge, communeNotInList, deleteCentreTitle
    case deleteCentreQuestion, deleteCancelled, centreDeleted, centreSaved, centreLongPrefix, centreShortPrefix

    // The centre form, settings, units and the data file
    case formAddTitle, formEditTitle, sectionGeneral, sectionEstablishment, sectionStatus, sectionFacilities
    case sectionVenues, fieldName, fieldCommune, fieldAddress, fieldModel, fieldPilot, fieldDecisionNumber
    case fieldDecisionDate, fieldDecisionIssuer, fieldStatus, fieldStatusNumber, fieldStatusDate, fieldStatusIssuer
    case fieldStatusReason, fieldMergedInto, fieldOtherFacilities, fieldVenueName, fieldVenueKind, fieldVenueVillage
    case fieldAddVenue, fieldAddVenueButton, choiceFilter, choiceNoMatch, choiceNone, choiceHint, helpFormSave
    case helpFormAddVenue, helpFormRemoveVenue, helpFormCancel, helpFormNext, helpFormPrevious, helpFormToggle
    case helpFormEditKeys, helpFormClearField, helpFieldName, helpFieldCommune, helpFieldAddress, helpFieldModel
    case helpFieldPilot, helpFieldDecisionNumber, helpFieldDecisionDate, helpFieldDecisionIssuer, helpFieldStatus
    case helpFieldStatusDecision, helpFieldStatusReason, helpFieldMergedInto, helpFieldFacility
    case helpFieldOtherFacilities, helpFieldVenue, helpFieldAddVenue, moreProblems, warningTitle, saveAnyway
    case discardTitle, discardQuestion, removeVenueTitle, removeVenueQuestion, removeVenueHint, historyTitle
    case historyCreated, helpHistoryClose, settingsTitle, settingsWelcome, settingsIntro, fieldProvince
    case fieldOfficeLevel, fieldOfficeCommune, officeLevelProvince, officeLevelCommune, helpFieldProvince
    case helpFieldOfficeLevel, helpFieldOfficeCommune, helpSettingsSave, helpSettingsQuit, settingsSaved
    case statusActive, statusSuspended, statusDissolved, statusMerged, modelRural, modelMountainous, modelUrbanWard
    case modelCulturalHouse, modelRuralShort, modelMountainousShort, modelUrbanWardShort, modelCulturalHouseShort
    case venueCommuneHall, venueVillageCulturalHouse, venueSchool, venueLibrary, venueOther, facilityBookcase
    case facilityTablesAndChairs, facilityComputers, facilityInternet, facilityLoudspeaker, facilityProjector
    case facilityOther, problemRequired, problemTooLong, problemDateInvalid, problemDateInFuture
    case problemDateBeforeEstablishment, problemCommuneUnknown, problemCommuneOutsideProvince
    case problemCommuneOutsideOffice, problemMergedIntoSelf, problemMergedIntoUnknown, problemCountOutOfRange
    case problemDuplicateCommune, fileNotADatabase, fileForeign, fileDamaged, fileNewer, fileInUse, fileUnreachable
    case fileExists, statusSuspendedShort

    // The command line
    case cliAbstract, cliDiscussion, cliDataHelp, cliLangHelp, cliDemoHelp, cliJsonHelp, cliDemoAbstract
    case cliDemoCreateAbstract, cliDemoPathHelp, cliDemoCreated, cliCentresAbstract, cliCentresListAbstract
    case cliNoTerminal, cliNotUTF8, cliUnknownTerminal, cliBadLanguage, cliResourceMissing, cliNoCentres
    case cliOpenAbstract

    // The board of directors and its checks
    case boardTitle, boardAllPass, boardSummary, boardEmptyHint, columnPerson, columnRole, columnTerm, columnBoard
    case columnDate, columnHours, columnErrors, columnWarnings, columnFirstProblem, checklistHeader, termCurrent
    case termEndedShort, termNotStarted, termFrom, termTo, termOngoing, trainingsThisYear, severityError
    case severityWarning, rulePasses, whatToDo, checkDateTitle, checkDateLabel, checkDateShown, checkDateSet
    case promptFooter, keyAddPerson, keyEndTerm, keyTrainings, keyCheckDate, keyBoard, keyMenu, keyOpenBoard
    case helpBoardAdd, helpBoardEdit, helpBoardEndTerm, helpBoardTrainings, helpBoardDate, helpBoardClose
    case helpBoardSwitch, helpComplianceOpen, helpComplianceFilter, helpRosterBoard, helpRosterCompliance
    case helpRosterMenu, menuBoard, menuCompliance, menuHistory, menuAdd, menuSettings, menuQuit, complianceTitle
    case complianceSummary, complianceEmpty, filterAllRules, filterRuleLabel, memberAddTitle, memberEditTitle
    case memberEndTitle, memberSaved, memberTermEnded, memberAlreadyLeft, defaultCommuneIssuer, sectionPerson
    case sectionRole, sectionAppointment, fieldFullName, fieldSex, fieldBirthYear, fieldPhone, fieldRole
    case fieldHomeBody, fieldPosition, fieldPost, fieldEmployment, fieldDuties, fieldTermStart, fieldTermEnd
    case fieldTrainingDate, fieldTrainingTopic, fieldTrainingHours, fieldTrainingOrganiser, helpFieldFullName
    case helpFieldSex, helpFieldBirthYear, helpFieldPhone, helpFieldRole, helpFieldHomeBody, helpFieldPosition
    case helpFieldPost, helpFieldEmployment, helpFieldDuties, helpFieldAppointmentNumber, helpFieldAppointmentIssuer
    case helpFieldTermStart, helpFieldTermEnd, helpFieldTrainingTopic, helpFieldTrainingHours
    case helpFieldTrainingOrganiser, helpCheckAndSave, helpTrainingAdd, helpTrainingDelete, trainingTitle
    case trainingAddTitle, trainingFor, trainingSummary, trainingEmptyHint, trainingDeleteTitle
    case trainingDeleteQuestion, trainingDeleted, trainingSaved, roleDirector, roleDeputyDirector, roleMember
    case roleAssignedTeacher, roleDirectorShort, roleDeputyDirectorShort, roleMemberShort, roleAssignedTeacherShort
    case bodyCommuneCommittee, bodyPrimarySchool, bodyLowerSecondarySchool, bodyOtherSchool, bodyStudyPromotion
    case bodyWomensUnion, bodyFarmersUnion, bodyYouthUnion, bodyVeterans, bodyCulturalHouse, bodyOther
    case positionChairman, positionViceChairman, positionPrincipal, positionVicePrincipal
    case positionAssociationPresident, positionAssociationVicePresident, positionSecretary, positionOfficial
    case positionTeacher, positionOther, sexFemale, sexMale, employmentConcurrent, employmentFullTime
    case findingDirectorCount, findingNoDirector, findingDirectorNotLeader, findingNoDeputyStudyPromotion
    case findingNoDeputySchool, findingNoTeacher, findingMissingDecision, findingDecisionNotByCommune
    case findingMissingDuties, findingVacant, findingUndertrained, findingSeveralRoles, problemYearInvalid
    case problemUnderAge, problemTooOld, problemEndBeforeStart, problemHoursOutOfRange

    // Board checks on the command line
    case cliBoardAbstract, cliBoardCheckAbstract, cliCentreHelp, cliAsOfHelp, cliBadDate, cliUnknownCentre
    case cliBoardCounts

    // Board rule settings
    case sectionRuleSettings, fieldVacancyDays, helpFieldVacancyDays, problemVacancyDays

    // Sign-in, accounts, roles and the audit trail
    case signInTitle, signInIntro, fieldUsername, fieldPassword, fieldOldPassword, fieldNewPassword
    case fieldPasswordAgain, helpFieldUsername, helpFieldPassword, helpFieldNewPassword, helpFieldPasswordAgain
    case keySignIn, helpSignIn, signInWelcome, signInInactive, signInLocked, signInWrongPassword
    case demoAccountsTitle, createAdminTitle, createAdminIntro, helpCreateAdmin, accountCreated, changePasswordTitle
    case changePasswordIntro, helpChangePassword, passwordChanged, passwordTooShort, passwordMismatch
    case passwordSameAsUsername, accountsTitle, accountAddTitle, accountEditTitle, sectionAccount, sectionRoles
    case sectionPassword, sectionResetPassword, fieldActive, helpFieldActive, helpFieldRoles, helpAccountsAdd
    case helpAccountsEdit, columnRoles, columnAccountState, accountActive, accountInactive, accountLocked
    case accountSaved, accountNeedsRole, accountUsernameTaken, accountInvalidUsername, accountNotFound
    case accountWrongPassword, accountLastAdministrator, permissionDenied, roleAdministrator, roleDataClerk
    case roleCentreDirector, roleCommuneLeader, roleProvincialOfficer, roleViewer, permissionManageAccounts
    case permissionChangeSettings, permissionViewAudit, permissionEditCentres, permissionEditBoards
    case permissionEditSurveys, permissionDraftPlans, permissionSubmitPlans, permissionRecordOutcomes
    case permissionApprovePlans, permissionEvaluate, signOutTitle, signOutUnsavedQuestion, signedOut, helpKeyCtrlX
    case lockTitle, lockLabel, lockFooter, unlocked, auditTitle, auditCount, auditCreate, auditUpdate, auditDelete
    case auditSignIn, auditLock, auditPasswordChanged, auditEveryone, auditSystem, auditFilterTitle
    case auditFilterFromLabel, auditFilterToLabel, auditFilterPerson
    case auditFilterDates, auditEntryHeader, columnWhen, columnWho, columnAction, columnRecord, keyRecord, keyPerson
    case keyFromDate, keyToDate, keyClearFilters, helpAuditRecord, helpAuditPerson, helpAuditFrom, helpAuditTo
    case helpAuditClear, menuAccounts, menuAudit, menuChangePassword, menuSignOut, fieldIdleMinutes
    case helpFieldIdleMinutes, problemIdleMinutes, cliAuditAbstract, cliAuditVerifyAbstract, cliAuditIntact
    case cliAuditBroken, auditReasonContent, auditReasonLink, keyView

    // Learning-needs surveys
    case campaignsTitle, campaignsEmptyHint, campaignAddTitle, campaignEditTitle, campaignDefaultTitle, campaignSaved
    case campaignYearOutOfRange, campaignEndBeforeStart, campaignTargetOutOfRange, campaignDateOutsideYear
    case sectionCampaign, sectionMethods, sectionVillages, fieldCampaignTitle, fieldCampaignStart, fieldCampaignEnd
    case fieldCampaignResponsible, fieldCampaignTarget, fieldVillages, helpFieldCampaignTitle, helpFieldCampaignYear
    case helpFieldCampaignResponsible, helpFieldCampaignTarget, helpFieldMethods, helpFieldVillages
    case methodVillageMeeting, methodHouseholdForm, methodInterview, methodMailbox, methodSocialNetwork, columnID
    case columnYear, columnForms, columnPeriod, columnSerial, columnTopics, keyNewCampaign, keyEnterForms, keyForms
    case keyNeeds, keyImport, helpCampaignAdd, helpCampaignEdit, helpCampaignEnter, helpCampaignForms
    case helpCampaignNeeds, helpCampaignImport, surveyEntryTitle, surveyEditTitle, surveyFormNumber, surveyEditing
    case keySaveNext, keyDitto, keyCheck, helpSurveySave, helpSurveyDitto, helpSurveyCheck, helpSurveyNext
    case helpSurveyCodes, surveySkipped, surveyAge, surveyUpTo, surveyRange, surveyFreeText, surveyNoVillages
    case surveyNothingToCopy, surveyNoProblems, surveyProblemsTitle, surveyReasonRequired, surveyOverrideQuestion
    case surveySaved, surveySavedEdit, surveyUnknownCode, surveyUnknownVillage, surveyOutOfRange, surveyTooMany
    case surveyNotANumber, surveyDuplicateSerial, surveyPossibleDuplicate, responsesTitle, responsesCount
    case helpResponsesOpen, helpResponsesDelete, helpResponsesSearch, responseDeleteTitle, responseDeleteQuestion
    case responseDeleted, needsTitle, needsRespondents, needsCoverage, needsTopicsHeader, needsNoRespondents
    case needsFormats, needsTimes, needsSeasons, keyVillage, keyAge, keyOccupation
    case helpNeedsVillage, helpNeedsSex, helpNeedsAge, helpNeedsOccupation, ageUnder15, age15to29, age30to44
    case age45to59, age60plus, exportFormsSuffix, exportNeedsSuffix
    case exportTopic, exportCount, exportShare, csvUnreadable, csvNotUTF8, csvEmpty, csvUnwritable, importTitle
    case importScreenTitle, importFileLabel, importChooseFile, importColumnHeader, importColumnSample
    case importColumnQuestion, importUnmapped, importIgnoreColumn, keyCheckImport, keyMapColumn, helpImportRun
    case helpImportMap, importDone, importFailed, importProblemLine, importUnknownColumn
    case importMissingColumn, importWrongCellCount, importDuplicateInFile, reportRow, reportColumn, reportValue
    case reportReason, helpRosterSurveys, menuSurveys

    // Surveys on the command line
    case cliSurveyAbstract, cliSurveyCampaignsAbstract, cliSurveyNeedsAbstract, cliSurveyImportAbstract, cliYearHelp
    case cliImportFileHelp, cliCampaignHelp, cliUserHelp, cliPasswordPrompt, cliNoCampaign, cliUnknownCampaign

    // Activity plans
    case plansTitle, plansEmptyHint, planDraft, planSubmitted, planReturned, planApproved, planSuperseded
    case planKindAnnual, planKindMonthly, planKindMonthlyAny, monthShort, moneyAmount, helpPlanViewActivity
    case planPeriodAnnual, planPeriodMonthly, planPeriodWeek, planDefaultTitleMonthly, planDefaultTitleWeek
    case planKindWeek, formatClass, formatTalk, formatTraining, formatModelVisit, formatClub, formatCampaign
    case sourceCommuneBudget, sourceProgramme, sourceContributions, sourceOther, statePlanned, stateDone
    case statePostponed, stateCancelled, actionSubmit, actionApprove, actionReturn, actionAmend, actionSupersede
    case planNoActivities, planMissingMonth, planMissingVenue, planMissingResponsible, planMissingTitle
    case planClassesDoNotAddUp, planTalksDoNotAddUp, planLearnersDoNotAddUp, planNoRecentSurvey, planDateOutsideYear
    case planMonthOutsideRange, planNegativeCost, planNegativeNumber, planTitleRequired, planMonthRequired
    case planActivityOutsideMonth, planParticipantsDoNotAddUp, planReadOnly, planInvalid, planNotFound
    case planStepNotAllowed, planReasonRequired, planPasswordRequired, planAmendmentOpened, approveTitle
    case approvePasswordLabel, returnTitle, returnReasonLabel, keyNewPlan, keyOpen, keySubmit, keyApprove, keyReturn
    case keyAmend, keyPlanInfo, keyAddActivity, keyOutcome, keyReport, keyRecompute, helpPlanAdd, helpPlanOpen
    case helpPlanSubmit, helpPlanApprove, helpPlanReturn, helpPlanAmend, helpPlanHistory, helpPlanHeader
    case helpPlanAddActivity, helpPlanEditActivity, helpPlanDeleteActivity, helpPlanDraftFromSurvey, helpPlanCheck
    case helpPlanOutcome, helpPlanReport, helpPlanRecompute, helpRosterPlans, helpRosterInbox, menuPlans, menuInbox
    case columnKind, columnProgress, columnMonth, columnResult, columnSubmitted, columnActivities, columnPlan
    case sectionPlan, sectionTargets, sectionActivity, fieldPlanMonth, fieldLegalBases, fieldPlanCampaign
    case fieldTargetClasses, fieldTargetTalks, fieldTargetLearners, fieldActivityTitle, fieldActivityTopic
    case fieldActivityFormat, fieldTargetGroup, fieldExpectedLearners, fieldActivityVenue, fieldActivityDate
    case fieldSpeaker, fieldResponsible, fieldPartner, fieldCost, fieldCostSource, fieldOutcomeState, fieldActualDate
    case fieldParticipants, fieldWomen, fieldMinority, fieldNotes, helpFieldPlanKind, helpFieldPlanMonth
    case helpFieldPlanTitle, helpFieldLegalBases, helpFieldPlanCampaign, helpFieldTargets, helpFieldActivityTitle
    case helpFieldActivityTopic, helpFieldActivityFormat, helpFieldTargetGroup, helpFieldExpectedLearners
    case helpFieldActivityVenue, helpFieldActivityMonth, helpFieldActivityDate, helpFieldSpeaker
    case helpFieldResponsible, helpFieldPartner, helpFieldCost, helpFieldCostSource, helpFieldOutcome
    case helpFieldParticipants, helpFieldNotes, planNewTitle, planHeaderTitle, planDefaultTitle, planDefaultBases
    case planSaved, planEditorTitle, planTargetsLine, planProgressLine, planEmptyHint, planNoActivitiesShown
    case planChecksPass, planChecksTitle, planDrafted, planReturnedBecause, planNoHistory, planHistoryTitle
    case planCostNotANumber, planMonthNotANumber, activityAddTitle, activityEditTitle, activitySaved
    case activityDeleteTitle, activityDeleteQuestion, activityDeleted, outcomeTitle, outcomeSection, outcomeSaved
    case inboxTitle, inboxCount, inboxEmpty, reportTitle, reportByTopic, reportByMonth, monthName
    case cliPlanAbstract, cliPlanListAbstract, cliPlanPrintAbstract, cliPlanIDHelp, cliUnknownPlan

    // Plan workflow messages
    case planSubmittedMessage, planApprovedMessage, planReturnedMessage, fieldPlanTitle

    // Data safety: system errors, refused files, checks, backups, the audit verification, sign-in, import
    case systemNotFound, systemPermissionDenied, systemReadOnlyMedia, systemDiskFull, systemIsDirectory
    case systemNotADirectory, systemSymbolicLinkLoop, systemNameTooLong, systemIOError, systemOther, fileEmpty
    case fileHardLinked, fileNotAFile, damageTruncated, damageMisaligned, damageIntegrity, damageUnreadable
    case closeFailed, emptyFileQuestion, emptyFileAnswerYes, emptyFileDeclined, interruptedBySignal
    case cliCheckAbstract, checkRunning, checkProgress, checkIntact, checkDamaged, checkAfterCrash
    case cliBackupAbstract, cliBackupToHelp, cliRestoreAbstract, cliRestoreFileHelp, backupProgress, backupDone
    case backupFailed, backupCopyBad, backupSame, restoreDone, restoreDoneNoPrevious, backupCancelled
    case restoreSameFile, verifyChainIntact, verifyTriggersPresent, verifyTriggerMissing, verifyAnchorMatches
    case verifyAnchorEntryGone, verifyAnchorHashDiffers, verifyNoAnchors, anchorSourceFile, anchorSourceBackup
    case anchorSourceBackupRecord, anchorSourceRestore, anchorSourceGiven, verifyRecordsMatch, verifyRecordsCompared
    case verifyChangedWithoutEntry, verifyNotLogged, verifyDeletedWithoutEntry, verifyFieldChange, verifyIntact
    case verifyAltered, cliAnchorHelp, cliBadAnchor, auditHeadLine, recordCentre, recordBoardMember, recordAccount
    case recordSetting, recordCampaign, recordResponse, recordPlan, signInRefused, importControlCharacter
    case surveyDuplicateSerialStored, importNothing, auditRenumber, backupKeepDaysOutOfRange
    // Data safety on screen: the backup screen, the automatic backups in Settings
    case menuBackup, backupScreenTitle, keyBackUp, helpBackUp, helpBackupClose, backupPromptTitle, backupPromptLabel
    case backupStopping, backupColumnFile, backupColumnMade, backupColumnSize, backupFolderLine, backupEmptyHint
    case backupRestoreHint, fieldBackupKeepDays, helpFieldBackupKeepDays, importKindControlCharacter
    // Province scale: damaged stored values, streaming import, benchmarks
    case storageCorruptValue, csvRecordTooLong, auditImport, importKindRequired, importKindUnknownCode
    case importKindUnknownVillage, importKindOutOfRange, importKindTooMany, importKindNotANumber, importKindTooLong
    case importKindDuplicateSerial, importKindPossibleDuplicate, importKindCheck, importKindUnknownColumn
    case importKindMissingColumn, importKindWrongCellCount, importKindDuplicateInFile, importReportCounts
    case importReportTotal, importReportOmitted, importProgressChecking, importProgressWriting
    case importProgressEstimating, durationSeconds, durationMinutes, importChangedSinceCheck, importCancelled
    case cliProvinceHelp, cliVillageHelp, cliSexHelp, cliAgeBandHelp, cliOccupationHelp, cliBadAgeBand
    case cliCentreOrProvince, cliNoCampaignInScope, cliBenchAbstract, cliBenchGenerateAbstract, cliBenchRunAbstract
    case cliBenchProbeAbstract, cliBenchPathHelp, cliBenchCentresHelp, cliBenchResponsesHelp, cliBenchPlansHelp
    case cliBenchActivitiesHelp, cliBenchSeedHelp, cliBenchRunsHelp, cliBenchFigureHelp, benchGeneratingForms
    case benchGenerated, cliBenchFigureUnknown, benchProbeFailed, benchStartCached, benchStartUncached
    case benchNeedsCentre, benchNeedsProvince, benchNeedsFilter, benchNeedsCommand, benchImportValid
    case benchImportMemory, benchImportErrors, benchImportLongLine, benchImportSmallIntoLarge
    case benchImportSmallIntoEmpty, benchEntryOpen, benchEntryEnter, benchEntryKey, benchEntrySave, benchRosterLoad
    case benchRosterSearch, benchCentresList, benchPlanList, benchBoardCheck, benchInterfaceMemory, benchLineValues
    case benchLineFloor, benchMet, benchNotMet, benchFooter, cliBenchImportRowsHelp

    // Screens shared by every part: routes, the menu, modals, read-only forms, whole views
    case routeNotAllowed, quitQuestion, menuTitle, menuRoster, menuGroupCentres, menuGroupBoard, menuGroupSurveys
    case menuGroupPlans, menuGroupSystem, helpKeyGoTo, helpKeyRoute, multilineFooter, progressFooter, helpViewWhole
    case detailMore, readOnlyMark, readOnlyFormHelp, readOnlyFormHint, venueRemoved, problemNotANumber
    case problemNotAnAmount, keyViewTable, helpNeedsViewWhole, helpChartScroll, chartPosition, keyViewProblems
    case helpImportProblems, keyChooseFile, helpImportChooseFile, importMapTitle, importProblemsTitle
    case importMoreProblems, submitTitle, submitQuestion, amendTitle, amendQuestion, planNameFormat, planVersionSuffix

    // An afternoon at the commune office (issue 10): notices, return reasons, outcomes, documents, keyed entry
    case termNotStartedNote, planReasonMore, planReturnedHint, planLastStep, planStepBy, planReasonLabel
    case waitingReturned, waitingAmendmentDraft, waitingApproval, waitingAmendment, waitingTitle, menuWaiting
    case waitingNone, statusChangeTitle, statusChangeQuestion, surveyMoreCodes, tooSmallKeys, outcomeDateOutsideYear
    case outcomeDateBeforeApproval, outcomeDateInFuture, outcomeDateRequired, fieldCostSpent, helpFieldCostSpent
    case reportFigures, reportTotal, reportWholePlan, planNoClassesOrTalks, planNoLearners, planNoBudget

    // Fixes of the 80x24 walk: the audit trail of money, staff and evaluations, settings, targets
    case subjectEvaluation, subjectStaff, subjectFundingYear, subjectReceipt, settingOfficeProvince
    case settingOfficeCommune, settingThresholds, settingStaleDays, settingImportMapping, auditThresholdsValue
    case auditMappingValue, auditActivityMonth, auditActivityLearners, auditActivityOutcome, auditFormerUnit
    case subjectImportForms, planAmendedBecause, planAmendReasonLabel, targetsMoreBelow, helpTargetsCommunePage
    case sectionSessionSettings, rosterEmptyReadOnly, boardEmptyReadOnly, trainingEmptyReadOnly
    case campaignsEmptyReadOnly, plansEmptyReadOnly, staffEmptyReadOnly, fundingEmptyReadOnly
    case complianceSummarySuspended, evaluationAssessedSoFar, cliHelpOverview, cliHelpUsage, cliHelpArguments
    case cliHelpOptions, cliHelpSubcommands, cliHelpVersion, cliHelpHelp, cliHelpDefault, cliHelpDefaultSubcommand
    case cliHelpSeeSubcommand, otherOfficeCentreNote, handedOverCentreNote

    // Documents and workbooks (issue 15): the administrative layout, the plan, decision and reports, sheets, files
    case docUnitCommune, docUnitWard, docUnitSpecialZone, docUnitProvince, docUnitCity, docUnitName
    case docCommitteeShort, docCommitteeHeading, docCentreIssuer, docEducationDepartment, docEducationDepartmentOf
    case docMotto, docSlogan, docPlaceDate, docNumberPlan, docNumberDecision, docNumberCentreReport
    case docNumberCommuneReport, docNumberProvinceReport, docRecipients, docRecipientReport
    case docRecipientStudyPromotion, docRecipientArchiveCentre, docRecipientArchiveOffice, docRecipientArticle3
    case docDirectorTitle, docChairmanTitle, docViceChairmanTitle, docOnBehalfOfChairman, docOnBehalfOfCommittee
    case docChairman, docViceChairman, docAuditFooter, docAuditEmpty, docTotal, docYes, docNo, docArticle
    case docSpeakerLine, docPartnerLine, docSurveyTopic, docSurveyResult, docSurveyNoAnswers, docColumnNumber
    case docColumnActivity, docColumnTime, docColumnPlace, docColumnLearners, docColumnResponsible, docColumnCost
    case docColumnFormat, docColumnPlanned, docColumnDone, docColumnLearnersPlanned, docColumnLearnersReached
    case docColumnResult, docColumnDate, docColumnWomen, docColumnMinority, docColumnSpent, docColumnSource
    case docColumnCostPlanned, docColumnCentre, docColumnBoard, docColumnAnnualPlan, docColumnActivitiesDone
    case docColumnForms, docBoardCompliant, docBoardErrors, docCompliantCount, docPlanTitle, docPlanVersion
    case docPlanNotApproved, docPlanSuperseded, docPlanSurveyBasis, docPlanIntro, docPlanPartSurvey
    case docPlanPartTargets, docPlanTargets, docPlanPartActivities, docPlanPartMoney, docPlanTotalCost
    case docPlanCostLine, docPlanPartImplementation, docPlanImplementation, docPlanApprovedByNamed
    case docPlanApprovedBy, docDecisionTitle, docDecisionSubject, docDecisionAuthority, docDecisionBasisLaw
    case docDecisionBasisRegulation, docDecisionBasisCircular, docDecisionProposal, docDecisionDecides
    case docDecisionArticle1, docDecisionArticle2, docDecisionArticle3, docReportTitle, docYearReportSubject
    case docReportPartSituation, docReportPartPlan, docReportPartLearners, docReportPartMoney, docReportPartSurvey
    case docReportEstablished, docReportBoardSize, docReportDirector, docReportDeputies, docReportTeachers
    case docReportVenues, docReportNoPlan, docReportPlanApproved, docReportActivitiesIntro, docReportLearners
    case docReportMoney, docReportNoSurvey, docReportSurveyCoverage, docSummarySubject, docSummaryPartCentres
    case docSummaryPartResults, docSummaryPartSurvey, docSummaryCentres, docSummaryResultsIntro, docSummaryNoCentres
    case docSummarySurvey, docErrorNotDocx, docErrorMissingPart, docErrorMalformed, docErrorUnknownPlaceholder
    case docErrorMissingPlaceholder, docErrorPlaceholderNotAlone, docErrorPackaging, docErrorFileExists
    case docErrorTemplateUnreadable, docErrorNoFolder, docErrorPermission, docErrorDiskFull, docErrorReadOnly
    case docErrorIsFolder, docErrorOther, docErrorCommuneNotInList, docErrorPlanNotApproved, docErrorOfficeNotSet
    case sheetCentres, sheetColumnVenues, sheetColumnFacilities, sheetColumnVillages, sheetColumnAnnualPlan
    case sheetBoardSummary, sheetBoardFindings, sheetBoardMembers, sheetColumnMembers, sheetColumnSeverity
    case sheetColumnRule, sheetColumnFinding, sheetColumnBasis, sheetColumnTrainings, sheetFormsLabels
    case sheetFormsCodes, sheetCodeList, sheetColumnQuestionID, sheetColumnQuestion, sheetColumnCode
    case sheetColumnLabel, sheetNeedsSummary, sheetNeedsTopics, sheetNeedsFormats, sheetNeedsTimes
    case sheetNeedsSeasons, sheetColumnRespondents, sheetColumnTarget, sheetColumnCoverage, sheetPlans
    case sheetActivities, sheetColumnVersion, sheetColumnApprovedOn, sheetColumnDone, sheetColumnCostPlanned
    case sheetColumnPlanID, keyPrintExport, helpPrintExport, printTitle, printFolderTitle, printFolderLabel
    case printOverwriteTitle, printOverwriteQuestion, printDone, printDoneTemplate, printDoneShippedTemplate
    case printPlanDocx, printDecisionDocx, printYearReportDocx, printSummaryDocx, printRosterXlsx, printBoardXlsx
    case printPlansXlsx, printNeedsXlsx, printSurveyXlsx, printSurveyCsv, fileStemPlan, fileStemDecision
    case fileStemYearReport, fileStemSummary, fileStemRoster, fileStemBoard, fileStemPlans, fileStemNeeds
    case fileStemSurvey, cliFormatHelp, cliOutputHelp, cliForceHelp, cliBadFormat, cliOutputRequired
    case cliOutputExtension, cliPlanDecisionAbstract, cliReportAbstract, cliReportYearAbstract, cliExportAbstract
    case cliExportKindHelp, cliExportNeedsCampaign, cliDocWritten, cliDocTemplateOffice, cliDocTemplateShipped
    case planNothingToDraft, planDraftTitle, cliDemoAccountsHeading, cliNeedsCentreHelp, sectionExportSettings
    case fieldCsvStyle, helpFieldCsvStyle, csvStyleSemicolon, csvStyleComma, columnRecordedBy, recordedByUnknown
    case amendReasonRequired, auditTypeCentre, auditTypeBoardMember, auditTypeAccount, auditTypePlan
    case auditTypeSetting, auditTypeCampaign, auditTypeResponse, auditTypeImportBatch, auditTypeDataset, auditAmend
    case auditBulkLoad, auditRecordOutcome, auditSubmit, auditApprove, auditReturn, auditSupersede, honorificMale
    case honorificFemale, subjectMember, subjectPlanActivity, subjectInCentre, subjectResponse, subjectImport
    case subjectAccount, subjectSetting, subjectUnknown, auditFieldCode, auditFieldEstablishment
    case auditFieldStatusDecision, auditFieldVenues, auditFieldVillages, auditFieldCentre, auditFieldAppointment
    case auditFieldTrainings, auditFieldRoles, auditFieldPlanKind, auditFieldYear, auditFieldVersion
    case auditFieldActivity, auditFieldOutcome, auditFieldValue, auditFieldMethods, auditFieldQuestionnaire
    case auditFieldOverride, auditFieldFile, auditFieldSha256, auditFieldRows, auditFieldSerials, auditFieldCount
    case auditDecisionText, auditFilterCentre, auditFilterCentreTitle, auditEveryCentre, auditEmptyValue
    case auditTypePlanActivity

    // Evaluation and ranking, people who teach, money, targets (issue 14)
    case permissionSelfAssess, permissionRecordFunding, cliEvaluationAbstract, cliEvaluationListAbstract
    case cliEvaluationShowAbstract, cliTargetsAbstract, evaluationNotStarted, evaluationReviewFlag, targetsHeading
    case targetsTargetPercent, evaluationSelfAssessing, evaluationSubmitted, evaluationConfirmed, rankGood, rankFair
    case rankAverage, rankNotMet, evaluationActionStart, evaluationActionSubmit, evaluationActionReturn
    case evaluationActionAssess, evaluationActionConfirm, evidenceSourcePlan, evidenceSourceSurvey
    case evidenceSourceBoard, evidenceSourceTrainings, evidenceSourceActivities, evidenceSourceLearners
    case evidenceSourceFacilities, evidenceSourceFunding, evidencePlanYes, evidencePlanNo, evidenceSurveyForms
    case evidenceBoardCompliant, evidenceBoardErrors, evidenceTrained, evidenceActivitiesDone, evidenceLearners
    case evidenceFacilities, evidenceFunding, targetPlan, targetEquipped, targetFunded, targetBoard, targetSurveyed
    case targetEvaluated, staffTeacher, staffSpeaker, staffVolunteer, receiptCommuneBudget, receiptProgramme
    case receiptContributions, evaluationNotAllowed, evaluationWrongStatus, evaluationScoreOutOfRange
    case evaluationOverrideReason, evaluationItemsMissing, evaluationAdjustComment, evaluationReturnReasonRequired
    case thresholdsInvalid, evaluationHeading, evaluationStatusLine, evaluationItemLine, evaluationEvidenceLine
    case evaluationOverrideLine, evaluationSelfNoteLine, evaluationOfficerLine, evaluationAsksLine
    case evaluationHistoryLine, auditConfirm, rankGoodShort, rankFairShort, rankAverageShort, rankNotMetShort
    case columnRank, rosterRankFilter, rosterLastRank, menuStaff, menuEvaluation, menuFunding, menuEvaluations
    case menuTargets, menuThresholds, menuGroupEvaluation, evaluationNoCriteria, evaluationTitle, keyScore, keyAssess
    case keyAgreeAll, keyConfirmRank, helpEvaluationSave, helpEvaluationScore, helpEvaluationAssess
    case helpEvaluationAgreeAll, helpEvaluationSubmit, helpEvaluationReturn, helpEvaluationConfirm
    case helpEvaluationHistory, evaluationSaved, evaluationSubmittedMessage, evaluationSubmitTitle
    case evaluationSubmitQuestion, evaluationReturnTitle, evaluationReturnLabel, evaluationReturnedMessage
    case evaluationAgreedMessage, evaluationConfirmTitle, evaluationConfirmQuestion, evaluationConfirmedMessage
    case evaluationStartHint, evaluationSelfRank, evaluationSummary, columnCriterion, columnEvidence, columnSelfScore
    case columnOfficerScore, columnPoints, evidenceNone, evidenceFrom, detailEvidence, detailOverride, detailSelfNote
    case detailOfficerComment, detailAsks, fieldMaxPoints, fieldSuggested, fieldOverride, helpFieldOverride
    case fieldOverrideReason, helpFieldOverrideReason, fieldSelfScore, helpFieldSelfScore, helpFieldSelfNote
    case fieldOfficerScore, helpFieldOfficerScore, helpFieldOfficerComment, evaluationAssessItemTitle
    case evaluationScoreItemTitle, evaluationItemSaved, evaluationsTitle, keyYear, helpEvaluationsYear
    case helpEvaluationsOpen, helpEvaluationsFilter, yearPromptTitle, yearPromptLabel, yearInvalid, columnScore
    case columnRankLong, evaluationsHeader, evaluationsEmpty, staffTitle, helpStaffAdd, helpStaffEdit, keyTraining
    case helpStaffTraining, staffEmptyHint, columnStaffName, columnStaffKind, fieldStaffField, columnTrainingsYear
    case columnStaffActive, staffLeft, staffSummary, helpFieldStaffName, helpFieldStaffKind, helpFieldStaffField
    case fieldStaffWorkplace, helpFieldStaffWorkplace, helpFieldStaffPhone, fieldStaffActive, helpFieldStaffActive
    case staffAddTitle, staffEditTitle, staffSaved, fundingTitle, helpFundingAddReceipt, keyEstimate, helpFundingPlan
    case helpFundingDelete, fundingDeleteTitle, fundingDeleteQuestion, fundingDeleted, fieldReceiptSource
    case fieldAmount, fieldDonor, fundingEstimateLine, fundingPreparedLine, fundingReceivedLine, fundingSpentLine
    case fundingBelowMinimum, fundingMeetsMinimum, fundingEmptyHint, fundingDefaultPreparer, fieldEstimate
    case helpFieldEstimate, fieldPreparedBy, helpFieldPreparedBy, fieldAllocated, helpFieldAllocated
    case helpFieldFundingNote, fundingPlanTitle, fundingPlanSaved, helpFieldReceiptDate, helpFieldReceiptSource
    case helpFieldAmount, helpFieldDonor, helpFieldReceiptNote, receiptAddTitle, receiptOutsideYear
    case receiptAmountRequired, receiptDonorRequired, receiptSaved, targetPlanShort, targetEquippedShort
    case targetFundedShort, targetBoardShort, targetSurveyedShort, targetEvaluatedShort, targetsTitle, keyShortfall
    case helpTargetsDrillDown, targetsNoShortfall, targetsShortfallTitle, targetsShareCaption, targetsUnranked
    case targetsRanks, thresholdsLine, thresholdsCurrent, thresholdsNew, fieldThresholdsFrom
    case helpFieldThresholdsFrom, fieldThresholdGood, fieldThresholdFair, fieldThresholdAverage, helpFieldThreshold
    case thresholdsTitle, thresholdsSaved, keyPickSpeaker, helpPickSpeaker, speakerRegisterEmpty, speakerPickTitle
    case auditTypeEvaluation, auditTypeStaff, auditTypeFundingYear, auditTypeReceipt, auditFieldUid
    case auditFieldCriteriaSet, auditFieldSelfTotal, auditFieldTotal, auditFieldSelfRank, auditFieldRank
    case auditFieldItemEvidence, auditFieldItemOverride, auditFieldItemSelf, auditFieldItemOfficer
    // import
    case importPickTitle, importPickTypePath, importPickParent, importChooseHint, importColumnsCount
    case importMetadataColumn, importCheckingCaption, importWritingCaption, importCancelling, importStarting
    case importProblemLineSerial, importValidCodes, reportSerial, helpImportBackToMapping, importHelpFileLabel
    case importHelpFile, importHelpColumnsLabel, importHelpColumns, importHelpAnswersLabel, importHelpAnswers
    case importHelpFormatLabel, importHelpFormat, importHelpKoboLabel, importHelpKobo, importHelpProblemsLabel
    case importHelpProblems, importColumnsMetadata, importMapThenRun
    // exchange: bundles between a commune office and its province (issue 13)
    case auditReceive, benchExchangeExport, benchExchangeReceive, benchExchangeTotal, cliBenchBundlesHelp
    case cliBenchExchangeAbstract, cliBenchFormsHelp, cliDemoCommuneHelp, cliDemoOfficeOnlyHelp
    case cliDemoUnknownCommune, cliExchangeAbstract, cliExchangeExportAbstract, cliExchangeFilesHelp
    case cliExchangeImportAbstract, cliExchangeStatusAbstract, cliExchangeToHelp, exchangeBundleCount
    case exchangeCheckFirst, exchangeCheckOK, exchangeCheckRefused, exchangeColumnCentres, exchangeColumnCheck
    case exchangeColumnForms, exchangeColumnOffice, exchangeColumnSequence, exchangeColumnState
    case exchangeColumnWritten, exchangeCountItem, exchangeFirstKeyQuestion, exchangeFolderLabel, exchangeFolderLine
    case exchangeFresh, exchangeHelpClose, exchangeHelpFolder, exchangeHelpMark, exchangeHelpReceive
    case exchangeHelpReceiveFolder, exchangeHelpReport, exchangeHelpSaveReport, exchangeHelpStaleDays
    case exchangeHelpWrite, exchangeKeyFolder, exchangeKeyLine, exchangeKeyMark, exchangeKeyNew, exchangeKeyReceive
    case exchangeKeyReport, exchangeKeySaveReport, exchangeKeyStaleDays, exchangeKeyWrite, exchangeKindBoardMember
    case exchangeKindCentre, exchangeKindPlan, exchangeKindSurveyCampaign, exchangeKindSurveyResponse
    case exchangeMenuGroup, exchangeNextSequence, exchangeNoBundles, exchangeNoFile, exchangeNoFolder
    case exchangeNoPeers, exchangeOfficeLine, exchangeOfficeNotSet, exchangeProblemCodeTaken
    case exchangeProblemDataUnreadable, exchangeProblemFromThisOffice, exchangeProblemKeyMismatch
    case exchangeProblemKeyUnreadable, exchangeProblemNewerProgram, exchangeProblemNotABundle
    case exchangeProblemNotForThisOffice, exchangeProblemOtherProvince, exchangeProblemPartAltered
    case exchangeProblemSignature, exchangeProblemStaleSequence, exchangeProblemTooLarge, exchangeProblemTruncated
    case exchangeProblemUnexpectedPart, exchangeReceiveQuestion, exchangeReceiveTitle, exchangeReceivedAll
    case exchangeReceiving, exchangeRefusedLine, exchangeReportAdded, exchangeReportAuditHead, exchangeReportChanged
    case exchangeReportCounts, exchangeReportFileName, exchangeReportFirstKey, exchangeReportHeader
    case exchangeReportLine, exchangeReportMore, exchangeReportNoChange, exchangeReportNotSaved
    case exchangeReportPathLabel, exchangeReportPreviousHead, exchangeReportRemoved, exchangeReportSaved
    case exchangeReportTitle, exchangeRollUpCount, exchangeRollUpDetail, exchangeRollUpIntro, exchangeRollUpTitle
    case exchangeSendExplain, exchangeSendTitle, exchangeSequenceShort, exchangeStale, exchangeStaleDaysInvalid
    case exchangeStaleDaysLabel, exchangeWriting, exchangeWritten, exchangeWrittenLine, permissionExchangeData
    case storageReceivedRecord
    // perf: the benchmark run in parts (issue 11)
    case cliBenchOnlyHelp
    // evaldocs: the evaluation sheet and the targets workbook (issue 15)
    case docEvaluationTitle, docEvaluationSubject, docNumberEvaluation, docEvaluationPartGeneral
    case docEvaluationPartItems, docEvaluationPartComments, docEvaluationPartResult, docEvaluationPartHistory
    case docEvaluationGeneral, docEvaluationBasis, docColumnCriterion, docColumnEvidence, docColumnMaximum
    case docColumnSelfScore, docColumnOfficerScore, docEvaluationOverride, docEvaluationSelfNote
    case docEvaluationOfficerComment, docEvaluationNoComments, docEvaluationSelfResult, docEvaluationInProgress
    case docEvaluationAwaiting, docEvaluationConfirmed, docEvaluationConfirmedBy, docEvaluationReview
    case docEvaluationEvent, docEvaluationEventBy, docRecipientAssessor, docErrorEvaluationNotStarted
    case printEvaluationDocx, printTargetsXlsx, fileStemEvaluation, fileStemTargets, cliEvaluationPrintAbstract
    case sheetTargets, sheetTargetsByCommune, sheetTargetsRanks, sheetTargetsUnranked, sheetColumnMeasure
    case sheetColumnMet, sheetColumnCentres, sheetColumnShare, sheetColumnTargetShare, sheetColumnReached
    case sheetColumnRank, exchangeKindEvaluation, evaluationAssessedByProvince, evaluationSelfByCommune
    case fundingBelowEquipmentMinimum, fundingMeetsEquipmentMinimum, findingStaffUndertrained
    case docReportPartEvaluation, docReportNoEvaluation, docReportMoneyReceived, docSummaryPartEvaluation
    case docSummaryEvaluation

    // scope: accounts limited to a commune or a centre, and system messages in the user's language (issue 10)
    case scopeOffice, scopeCentreGone, scopeThisCentre, outOfScope, accountScopeCentreGone, fieldScope
    case helpFieldScope, columnScope, auditFieldScope, planNameYear, systemAlreadyExists, errorUnexpected
    case cliUnexpectedArgument, cliUnknownOption, cliMissingArgument, cliMissingValue, cliInvalidValue
    case cliCommandLineRefused, cliUsage, cliSeeHelp, cliHelpLine

    // handover: a commune keyed at the province handed over to its office, the roster's last bundle (issue 13)
    case auditHandOver, auditTakeBack, cliDemoCommuneOfficeHelp, cliExchangeHandoverAbstract, cliHandOverCommuneHelp
    case cliHandOverUndoHelp, cliHandOverUndoWithTo, handOverChoiceHandOver, handOverChoiceOwn, handOverChoiceTakeBack
    case handOverChoiceTitle, handOverCommuneCode, handOverConfirmAgain, handOverConfirmQuestion, handOverConfirmTitle
    case handOverErrorHasSent, handOverErrorNotHandedOver, handOverErrorNotProvince, handOverErrorNothing
    case handOverHelpWrite, handOverNoCandidates, handOverNothingToTakeBack, handOverPendingLine, handOverPickItem
    case handOverPickItemHanded, handOverPickTitle, handOverProblemCodeTaken, handOverProblemNeedsCommune
    case handOverProblemOtherCommune, handOverProvinceExplain, handOverReportLine, handOverTakeBackQuestion
    case handOverTakeBackTitle, handOverTakenBack, handOverWriting, handOverWritten, rosterBundleAwaiting
    case rosterBundleDetail, rosterBundleOwn, rosterBundleStale, rosterColumnBundle, rosterHandedOverDetail

    // auditx: the audit verification of records exchanged between offices, and a hand-over's entries (issue 13)
    case auditHandedOver, auditTakenOver, verifyReceivedChanged, auditTypeExchange, auditFieldBundleSequence
    case auditFieldRecordsAdded, auditFieldRecordsChanged, auditFieldRecordsRemoved, auditFieldHandOverTo
    case auditFieldCentres, auditFieldSliceDigest

    // walk2: the exchange screens at 80x24 (bundles received already, hand-overs, plurals, today)
    case receiveWalkAlreadyOne, receiveWalkAlreadyReceived, receiveWalkCannotMany, receiveWalkCannotOne
    case receiveWalkCheckReceived, receiveWalkCommuneNotInList, receiveWalkCommuneWithCode, receiveWalkHandOver
    case receiveWalkHandOverQuestion, receiveWalkReceivedSome, receiveWalkSkipped, receiveWalkToday
    case receiveWalkYesterday
}
